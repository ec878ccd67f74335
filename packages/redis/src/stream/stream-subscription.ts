import {
  type DeliveryHandler,
  type StartPosition,
  type Subscription,
  TickBatcher,
} from "@brokerlab/messaging";
import type { Redis } from "ioredis";
import { DeliveryLoop, LoopDelivery, type Settler } from "../delivery-loop.js";
import type { TopicKeys } from "../keys.js";
import { type RedisSession, sleep } from "../session.js";
import { createGroup } from "./create-group.js";
import {
  autoClaimParts,
  type EntryVisitor,
  eachEntry,
  flatToObject,
  readEntries,
  streamIdBefore,
  streamIdOf,
} from "./stream-entries.js";

/** Milliseconds one XREADGROUP blocks; close() unblocks it at once, this only bounds a lost race. */
const BLOCK_MS = 2_000;

/**
 * One consumer in a stream consumer group. Reads new entries with XREADGROUP (COUNT = free prefetch), keeps its
 * own unacknowledged entries fresh (XCLAIM JUSTID resets their idle time, like a heartbeat), and claims entries
 * of other consumers idle longer than `abandonedAfterMs` with XAUTOCLAIM. On close it marks what it never
 * acknowledged as idle, so the group's next claim hands those entries out at once.
 */
export class StreamSubscription implements Subscription {
  private readonly consumer: string;
  private readonly loop: DeliveryLoop<string>;
  /** Acks of one turn go out as one XACK with every id; an ack resolves once Redis replied to it. */
  private readonly acks = new TickBatcher<LoopDelivery<string>>((deliveries) => this.sendAcks(deliveries));
  private blocking: Redis | undefined;
  /** The fetch loop has a read out on the blocking connection (an ack written now would wait behind it). */
  private reading = false;
  private blockingId: number | undefined;
  private fetching: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  /** Entries read or claimed go straight into deliveries, with no entry object in between. */
  private readonly deliverNew: EntryVisitor = (id, key, headers, value, timestamp) =>
    this.deliver(id, key, headers, value, timestamp, false);
  private readonly deliverAgain: EntryVisitor = (id, key, headers, value, timestamp) =>
    this.deliver(id, key, headers, value, timestamp, true);

  constructor(
    private readonly session: RedisSession,
    private readonly topic: string,
    private readonly keys: TopicKeys,
    private readonly group: string,
    prefetch: number,
    handler: DeliveryHandler,
    private readonly onClosed: () => void,
  ) {
    this.consumer = session.consumerName();
    const settler: Settler<string> = {
      ack: (delivery) => this.acks.add(delivery),
      nack: (delivery, requeue) => this.nack(delivery, requeue),
    };
    this.loop = new DeliveryLoop(prefetch, handler, settler);
  }

  async start(from: StartPosition): Promise<void> {
    await this.joinGroup(from);
    this.blocking = await this.session.openBlocking("stream-consumer");
    this.blockingId = Number(await this.blocking.client("ID"));
    await this.claimAbandoned();
    let busy = false;
    const interval = Math.min(5_000, Math.max(100, this.session.options.abandonedAfterMs / 3));
    this.timer = setInterval(() => {
      if (busy) return;
      busy = true;
      this.keepAliveAndClaim()
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }, interval);
    this.timer.unref();
    this.fetching = this.fetchLoop(this.blocking);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /**
   * A new group starts where `from` says; an existing group keeps its last-delivered id (committed) unless
   * `from` is an explicit position or timestamp, which moves the whole group there (XGROUP SETID), like a seek.
   * earliest/latest only apply to a new group, as Kafka's auto.offset.reset does.
   */
  private async joinGroup(from: StartPosition): Promise<void> {
    const redis = await this.session.connection();
    const { stream } = this.keys;
    const startId = groupStartId(from);
    const groups = await redis.xinfo("GROUPS", stream).catch(() => []);
    const exists = (groups as unknown[]).map(flatToObject).some((group) => group.name === this.group);
    if (!exists && (await createGroup(redis, stream, this.group, startId))) return;
    if (from.kind === "position" || from.kind === "timestamp")
      await redis.xgroup("SETID", stream, this.group, startId);
  }

  private async shutDown(): Promise<void> {
    this.loop.stop();
    clearInterval(this.timer);
    const redis = await this.session.connection();
    if (this.blockingId !== undefined) await redis.client("UNBLOCK", this.blockingId).catch(() => {});
    await this.fetching;
    // Acks written on it so far are answered before QUIT; later ones take the command connection.
    const blocking = this.blocking;
    this.blocking = undefined;
    await blocking?.quit().catch(() => blocking.disconnect());
    await this.loop.idle();
    // Acks still gathering go out first: release() would otherwise hand their entries to the next consumer.
    await this.acks.drain();
    await this.release(redis).catch(() => {});
    this.onClosed();
  }

  /** Everything still pending for this consumer becomes claimable now; a consumer with none is removed. */
  private async release(redis: Redis): Promise<void> {
    const { stream } = this.keys;
    const ids = await this.pendingIds(redis);
    if (ids.length > 0) await this.markIdle(redis, ids);
    else await redis.xgroup("DELCONSUMER", stream, this.group, this.consumer);
  }

  private markIdle(redis: Redis, ids: string[]): Promise<unknown> {
    const idle = this.session.options.abandonedAfterMs;
    return redis.call(
      "XCLAIM",
      this.keys.stream,
      this.group,
      this.consumer,
      0,
      ...ids,
      "IDLE",
      idle,
      "JUSTID",
    );
  }

  /**
   * One XACK with the ids of one turn. With no read out on the blocking connection it goes there: written ahead
   * of the next XREADGROUP, Redis has it before it hands out more, so the slots free at once and the next read
   * follows without waiting for the reply (one round trip per batch, as a plain XREADGROUP + XACK loop does).
   * Otherwise it takes the command connection and the slots free on the reply.
   */
  private sendAcks(deliveries: readonly LoopDelivery<string>[]): Promise<void> {
    const ids = new Array<string>(deliveries.length);
    for (let i = 0; i < deliveries.length; i++) ids[i] = (deliveries[i] as LoopDelivery<string>).token;
    const { stream } = this.keys;
    const blocking = this.blocking;
    if (blocking !== undefined && !this.reading) {
      const sent = blocking.xack(stream, this.group, ...ids);
      this.releaseAll(deliveries);
      return sent.then(ignore);
    }
    const release = () => this.releaseAll(deliveries);
    const sent = this.session.connection().then((redis) => redis.xack(stream, this.group, ...ids));
    sent.then(release, release);
    return sent.then(ignore);
  }

  private releaseAll(deliveries: readonly LoopDelivery<string>[]): void {
    for (const delivery of deliveries) this.loop.release(delivery);
  }

  private async fetchLoop(blocking: Redis): Promise<void> {
    while (!this.loop.stopping) {
      if (this.loop.room === 0) await this.loop.waitForRoom();
      if (this.loop.stopping) break;
      this.reading = true;
      try {
        const reply = await blocking.callBuffer(
          "XREADGROUP",
          "GROUP",
          this.group,
          this.consumer,
          "COUNT",
          this.loop.room,
          "BLOCK",
          BLOCK_MS,
          "STREAMS",
          this.keys.stream,
          ">",
        );
        this.reading = false;
        eachEntry(readEntries(reply), this.deliverNew);
      } catch {
        this.reading = false;
        // Connection trouble or the topic was deleted (NOGROUP): try again shortly unless closing.
        if (!this.loop.stopping) await sleep(500);
      }
    }
  }

  private async keepAliveAndClaim(): Promise<void> {
    const redis = await this.session.connection();
    // Resetting the idle time of what this consumer holds keeps other consumers from claiming it. The group's
    // pending list says what that is (an entry acked meanwhile is simply not claimed), one read per interval
    // instead of a set of ids kept up to date on every delivery.
    const held = await this.pendingIds(redis);
    if (held.length > 0) {
      await redis.call("XCLAIM", this.keys.stream, this.group, this.consumer, 0, ...held, "JUSTID");
    }
    await this.claimAbandoned();
  }

  /** Up to 10 000 ids of entries delivered to this consumer and not yet acknowledged. */
  private async pendingIds(redis: Redis): Promise<string[]> {
    const pending = (await redis.xpending(this.keys.stream, this.group, "-", "+", 10_000, this.consumer)) as [
      string,
    ][];
    return pending.map((entry) => entry[0]);
  }

  /** XAUTOCLAIM: entries idle longer than abandonedAfterMs (their consumer is gone) are delivered here again. */
  private async claimAbandoned(): Promise<void> {
    const redis = await this.session.connection();
    let cursor = "0-0";
    do {
      if (this.loop.stopping || this.loop.room === 0) return;
      const reply = await redis.callBuffer(
        "XAUTOCLAIM",
        this.keys.stream,
        this.group,
        this.consumer,
        this.session.options.abandonedAfterMs,
        cursor,
        "COUNT",
        this.loop.room,
      );
      const claimed = autoClaimParts(reply);
      eachEntry(claimed.entries, this.deliverAgain);
      cursor = claimed.cursor;
    } while (cursor !== "0-0");
  }

  private deliver(
    id: string,
    key: string | null,
    headers: Record<string, string>,
    value: Buffer,
    timestamp: number,
    redelivered: boolean,
  ): void {
    const position = { partition: 0, offset: id };
    this.loop.dispatch(
      new LoopDelivery(this.loop, id, this.topic, key, value, headers, timestamp, position, redelivered),
    );
  }

  private async nack(delivery: LoopDelivery<string>, requeue: boolean): Promise<void> {
    const id = delivery.token;
    // Without requeue the group is done with it; the entry itself stays in the stream (a log).
    if (!requeue) return this.acks.add(delivery);
    const redis = await this.session.connection();
    if (this.loop.stopping) {
      await this.markIdle(redis, [id]);
      return;
    }
    // XCLAIM to ourselves raises the entry's delivery count and hands it out again now, in this slot: the
    // loop frees the slot only once this resolves, after the entry is dispatched again.
    const { stream } = this.keys;
    const again = eachEntry(
      await redis.callBuffer("XCLAIM", stream, this.group, this.consumer, 0, id),
      this.deliverAgain,
    );
    if (again === 0) await redis.xack(stream, this.group, id); // trimmed away meanwhile
  }
}

const ignore = (): void => {};

function groupStartId(from: StartPosition): string {
  switch (from.kind) {
    case "earliest":
      return "0";
    case "latest":
      return "$";
    case "committed":
      return from.fallback === "latest" ? "$" : "0";
    case "position":
      return streamIdBefore(streamIdOf(from.position));
    case "timestamp":
      // Ids are `<ms>-<seq>` of the broker's clock: the first entry at or after `timestamp` has id ≥ `<ms>-0`.
      return streamIdBefore(`${Math.max(0, Math.floor(from.timestamp))}-0`);
  }
}
