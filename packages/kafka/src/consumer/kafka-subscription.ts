import {
  type DeliveryHandler,
  type StartPosition,
  type Subscription,
  withTimeout,
} from "@brokerlab/messaging";
import type { TopicAdmin } from "../admin/topic-admin.js";
import { headersToStrings, keyOf } from "../records.js";
import { AckTracker } from "./ack-tracker.js";
import type { FetchedBatch, FetchedMessage, GroupConsumer, GroupConsumerFactory } from "./group-consumer.js";
import { type DeliveryOwner, KafkaDelivery } from "./kafka-delivery.js";
import { PrefetchGate } from "./prefetch-gate.js";

const RESOLVED = Promise.resolve();

export interface SubscriptionSettings {
  /** The target's group consumer (kafkajs or librdkafka): everything else here is shared. */
  readonly consumer: GroupConsumerFactory;
  readonly admin: TopicAdmin;
  readonly topic: string;
  readonly group: string;
  readonly from: StartPosition;
  readonly prefetch: number;
  readonly handler: DeliveryHandler;
  /** How long joining the group and positioning may take before subscribe gives up. */
  readonly joinTimeoutMs: number;
  readonly onClosed: (subscription: KafkaSubscription) => void;
}

/** One owned partition in the current assignment: acks are tracked, delivery waits until it is positioned. */
interface OwnedPartition {
  readonly tracker: AckTracker;
  positioned: boolean;
}

/** How long a delivery waits for a prefetch slot before heartbeating and checking for close. */
const SLOT_WAIT_MS = 1000;
/**
 * Commits are coalesced: at most one per interval per subscription. Each one is a write to __consumer_offsets;
 * committing per ack would cost the broker more than the records themselves. Acks still resolve only once the
 * commit covering them is done, so this only delays `ack()`, never a delivery (slots free as soon as ack is called).
 */
export const COMMIT_INTERVAL_MS = 20;

/**
 * One consumer in a consumer group, with manual commits, on either Kafka client (see GroupConsumer). Records are handed to the handler in offset
 * order per partition, at most `prefetch` unsettled at a time; `ack` commits the contiguous acknowledged prefix
 * of its partition; `nack({ requeue })` rewinds the partition so the record comes again.
 */
export class KafkaSubscription implements Subscription, DeliveryOwner {
  private readonly consumer: GroupConsumer;
  private readonly gate: PrefetchGate;
  private owned = new Map<number, OwnedPartition>();
  /** Highest offset handed out per partition, across rebalances: anything at or below it is a redelivery. */
  private readonly maxDelivered = new Map<number, number>();
  private joins = 0;
  private positionedOnce = false;
  private closing = false;
  /** Seeks this subscription made (positioning, rewinds): eachBatch checks staleness again after one. */
  private seeks = 0;
  private closed?: Promise<void>;
  private readonly pendingCommits = new Map<number, number>();
  private commitChain: Promise<void> = Promise.resolve();
  private lastCommitAt = 0;
  private nextFlush?: Promise<void>;
  private readonly joined: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };

  private constructor(private readonly settings: SubscriptionSettings) {
    this.gate = new PrefetchGate(settings.prefetch);
    this.consumer = settings.consumer({ topic: settings.topic, group: settings.group });
    let resolve: () => void = () => {};
    let reject: (error: unknown) => void = () => {};
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => {});
    this.joined = { promise, resolve, reject };
  }

  /** Resolves once the consumer joined its group and every assigned partition is positioned. */
  static async start(settings: SubscriptionSettings): Promise<KafkaSubscription> {
    const subscription = new KafkaSubscription(settings);
    try {
      await subscription.run();
      return subscription;
    } catch (error) {
      await subscription.consumer.disconnect().catch(() => {});
      throw error;
    }
  }

  private async run(): Promise<void> {
    const { topic, group } = this.settings;
    await this.consumer.start({
      assigned: (partitions) => this.onJoin(partitions),
      failed: (error) => this.joined.reject(error),
      eachBatch: (batch) => this.eachBatch(batch),
    });
    await withTimeout(
      this.joined.promise,
      this.settings.joinTimeoutMs,
      `joining group "${group}" on "${topic}"`,
    );
  }

  /**
   * Called synchronously after each join: delivery stops until the new assignment is positioned. Resolves once it
   * is (or positioning gave up), never rejects.
   */
  private onJoin(assigned: readonly number[]): Promise<void> {
    // The requested start applies until one assignment was positioned with it (a join can be overtaken).
    const first = !this.positionedOnce;
    this.joins += 1;
    const generation = this.joins;
    const previous = this.owned;
    this.owned = new Map();
    for (const partition of assigned) {
      const kept = previous.get(partition);
      if (kept) this.owned.set(partition, { tracker: kept.tracker, positioned: false });
    }
    return this.positionWithRetry(generation, assigned, first).then(
      () => {
        if (this.positionedOnce) this.joined.resolve();
      },
      (error: unknown) => {
        if (!this.positionedOnce) this.joined.reject(error);
      },
    );
  }

  /** A failed lookup must not leave partitions unpositioned (they would never deliver): retry while current. */
  private async positionWithRetry(
    generation: number,
    assigned: readonly number[],
    first: boolean,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.position(generation, assigned, first);
      } catch (error) {
        if (first || attempt >= 10 || generation !== this.joins || this.closing) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * Seeks every assigned partition: the requested start on the first join; later, partitions this subscription
   * kept resume after their acknowledged prefix and new ones at the group's commit (else the requested start).
   */
  private async position(generation: number, assigned: readonly number[], first: boolean): Promise<void> {
    const { admin, topic, group, from } = this.settings;
    const fresh = assigned.filter((partition) => !this.owned.has(partition));
    const starts = await admin.startOffsets(topic, group, from, fresh, !first);
    if (generation !== this.joins || this.closing) return;
    for (const partition of assigned) {
      const kept = this.owned.get(partition);
      const offset = kept ? kept.tracker.commitOffset : starts.get(partition);
      if (offset === undefined) continue;
      this.consumer.seek(partition, Number(offset));
      this.seeks += 1;
      if (kept) kept.positioned = true;
      else this.owned.set(partition, { tracker: new AckTracker(Number(offset)), positioned: true });
    }
    this.positionedOnce = true;
    // A kept partition may have acks whose commit failed during the rebalance.
    for (const [partition, { tracker }] of this.owned) {
      if (tracker.commitOffset > tracker.committed)
        void this.commit(partition, tracker.commitOffset).catch(() => {});
    }
  }

  private async eachBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: FetchedBatch): Promise<void> {
    const partition = batch.partition;
    const state = this.owned.get(partition);
    // Not positioned yet: leave the batch unresolved; the seek that follows replaces it.
    if (!state?.positioned) return;
    const live = () => !this.closing && isRunning() && !isStale() && this.owned.get(partition) === state;
    // Both clients keep the highest offset resolved: resolving the last one handled before returning is the
    // same as resolving each in turn, without their bookkeeping per record.
    let handled: FetchedMessage["offset"] | undefined;
    const resolveHandled = () => {
      if (handled !== undefined) resolveOffset(handled);
    };
    // Between awaits nothing but our own handlers runs, and of what live() checks they can only close the
    // subscription or seek (a nack rewinds): the whole check runs again after an await or a seek of ours.
    let checkedAtSeek = -1;
    for (const message of batch.messages) {
      if (this.closing || (checkedAtSeek !== this.seeks && !live())) return resolveHandled();
      checkedAtSeek = this.seeks;
      const offset = Number(message.offset);
      if (!state.tracker.shouldDeliver(offset)) {
        handled = message.offset;
        continue;
      }
      if (!this.gate.tryAcquire()) {
        while (!(await this.gate.acquire(SLOT_WAIT_MS))) {
          // A stale batch is given up while it waits: librdkafka's client marks it so when it must poll again.
          if (this.closing || !isRunning() || isStale()) return resolveHandled();
          await heartbeat();
        }
        if (!live()) {
          this.gate.release();
          return resolveHandled();
        }
      }
      this.deliver(partition, state.tracker, message, offset);
      handled = message.offset;
    }
    resolveHandled();
    await heartbeat();
  }

  private deliver(partition: number, tracker: AckTracker, message: FetchedMessage, offset: number): void {
    const seen = this.maxDelivered.get(partition);
    const redelivered = seen !== undefined && offset <= seen;
    if (!redelivered) this.maxDelivered.set(partition, offset);
    tracker.delivered(offset);
    const delivery = new KafkaDelivery(
      this,
      tracker,
      offset,
      this.settings.topic,
      { partition, offset: String(message.offset) },
      keyOf(message),
      message.value ?? Buffer.alloc(0),
      headersToStrings(message.headers),
      Number(message.timestamp),
      redelivered,
    );
    // A handler that throws leaves nothing behind: its unsettled delivery is requeued.
    try {
      const result = this.settings.handler(delivery);
      if (result instanceof Promise) result.catch(() => this.requeueUnsettled(delivery));
    } catch {
      this.requeueUnsettled(delivery);
    }
  }

  private requeueUnsettled(delivery: KafkaDelivery): void {
    if (!delivery.settled) void this.settle(delivery, "requeue");
  }

  settle(delivery: KafkaDelivery, outcome: "ack" | "requeue"): Promise<void> {
    if (delivery.settled) return RESOLVED;
    delivery.settled = true;
    this.gate.release();
    const partition = delivery.position.partition;
    const { tracker, offset } = delivery;
    // A partition revoked by a rebalance belongs to another member now: its commits are not ours to make.
    if (this.owned.get(partition)?.tracker !== tracker || this.closing) return RESOLVED;
    if (outcome === "requeue") {
      this.rewind(partition, tracker.requeue(offset));
      return RESOLVED;
    }
    const next = tracker.ack(offset);
    return next === undefined ? RESOLVED : this.commit(partition, next);
  }

  private rewind(partition: number, offset: number): void {
    try {
      // Rewinding to the acknowledged prefix re-reads the requeued record; acked and in-flight ones are skipped.
      this.consumer.seek(partition, offset);
      this.seeks += 1;
    } catch {
      // The consumer is restarting after a crash; its rejoin seeks kept partitions to the same prefix.
    }
  }

  /** Coalesces commits: every ack that arrives before a flush starts shares that flush's promise. */
  private commit(partition: number, offset: number): Promise<void> {
    const current = this.pendingCommits.get(partition);
    if (current === undefined || offset > current) this.pendingCommits.set(partition, offset);
    if (!this.nextFlush) {
      const flush = this.commitChain.then(() => this.flushCommits());
      this.nextFlush = flush;
      this.commitChain = flush.catch(() => {});
    }
    return this.nextFlush;
  }

  private async flushCommits(): Promise<void> {
    if (this.pendingCommits.size === 0) {
      this.nextFlush = undefined;
      return;
    }
    const wait = this.lastCommitAt + COMMIT_INTERVAL_MS - Date.now();
    if (wait > 0 && !this.closing) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastCommitAt = Date.now();
    // Acks from here on wait for the next flush.
    this.nextFlush = undefined;
    const batch = [...this.pendingCommits];
    this.pendingCommits.clear();
    try {
      await this.consumer.commit(batch);
      for (const [partition, offset] of batch) {
        const tracker = this.owned.get(partition)?.tracker;
        if (tracker && offset > tracker.committed) tracker.committed = offset;
      }
    } catch (error) {
      if (this.consumer.lostOwnership(error, this.closing)) return;
      throw error;
    }
  }

  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    this.closing = true;
    this.gate.close();
    // Commit what was acknowledged before leaving; anything unacknowledged goes to the group's next owner.
    for (const [partition, { tracker }] of this.owned) {
      if (tracker.commitOffset > tracker.committed)
        void this.commit(partition, tracker.commitOffset).catch(() => {});
    }
    await this.commitChain;
    this.owned = new Map();
    this.joined.reject(new Error("subscription closed"));
    await this.consumer.disconnect().catch(() => {});
    this.settings.onClosed(this);
  }
}
