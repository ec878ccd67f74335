import type {
  ConsumerGlobalConfig,
  ConsumerTopicConfig,
  KafkaConsumer,
  LibrdKafkaError,
  Message,
  TopicPartition,
  TopicPartitionOffset,
} from "@confluentinc/kafka-javascript";
import type {
  FetchedBatch,
  GroupConsumer,
  GroupConsumerHandlers,
  GroupConsumerSettings,
} from "../consumer/group-consumer.js";
import { DEFAULT_CONNECTION_TIMEOUT_MS, type KafkaClientOptions } from "../options.js";
import { loadRdkafka } from "./rdkafka-binding.js";
import { securityConfig } from "./rdkafka-config.js";
import { rdkafkaCode } from "./rdkafka-errors.js";

/** Records one `consume` call returns at most (all partitions together); a batch is one partition's share. */
export const RDKAFKA_MAX_BATCH = 1000;
/** How long one `consume` call waits for its first record; it then returns what librdkafka has queued. */
const CONSUME_WAIT_MS = 100;
/**
 * librdkafka serves rebalances only when the application polls it, and leaves the group when it has not polled
 * for max.poll.interval.ms; a batch waiting this long for a prefetch slot is given up so the loop polls again
 * (what kafkajs' heartbeat does while waiting). Its records are fetched again; those delivered are not redelivered.
 */
export const RDKAFKA_BATCH_HOLD_MS = 2_000;
/** The interval librdkafka leaves a member that has not polled; also its rebalance timeout. */
const MAX_POLL_INTERVAL_MS = 40_000;

/** librdkafka error codes (rdkafka.h) of a commit whose partitions went to another member, or of a closing consumer. */
const LOST_OWNERSHIP = new Set([
  15, // COORDINATOR_NOT_AVAILABLE
  16, // NOT_COORDINATOR
  22, // ILLEGAL_GENERATION
  25, // UNKNOWN_MEMBER_ID
  27, // REBALANCE_IN_PROGRESS
  -142, // _ASSIGNMENT_LOST
  -180, // _WAIT_COORD
]);
const ERR_STATE = -172;
const ERR_NO_OFFSET = -168;
export const ERR_ASSIGN_PARTITIONS = -175;
const ERR_REVOKE_PARTITIONS = -174;

export interface RdkafkaConsumerConfig {
  readonly global: ConsumerGlobalConfig;
  readonly topic: ConsumerTopicConfig;
}

/**
 * The librdkafka consumer configuration of a subscription: the kafkajs consumer's settings in librdkafka's names
 * (10 s session, 1 s heartbeat, 500 ms fetch wait, 10 s metadata refresh, no topic auto-creation, round-robin
 * assignment), offsets stored by the application only. The yardstick's raw loop makes its consumer here too
 * (with auto-commit of the stored offsets), so both run with the same settings.
 */
export function rdkafkaConsumerConfig(
  options: KafkaClientOptions,
  group: string,
  rebalance: (error: LibrdKafkaError, assignment: TopicPartition[]) => void,
  autoCommitIntervalMs?: number,
): RdkafkaConsumerConfig {
  return {
    global: {
      "bootstrap.servers": options.brokers.join(","),
      "client.id": options.clientId ?? "brokerlab",
      "group.id": group,
      "socket.connection.setup.timeout.ms": Math.max(
        1000,
        options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      ),
      "session.timeout.ms": 10_000,
      "heartbeat.interval.ms": 1_000,
      "max.poll.interval.ms": MAX_POLL_INTERVAL_MS,
      "fetch.wait.max.ms": 500,
      "topic.metadata.refresh.interval.ms": 10_000,
      "allow.auto.create.topics": false,
      "partition.assignment.strategy": "roundrobin",
      "enable.auto.offset.store": false,
      "enable.auto.commit": autoCommitIntervalMs !== undefined,
      ...(autoCommitIntervalMs === undefined ? {} : { "auto.commit.interval.ms": autoCommitIntervalMs }),
      rebalance_cb: rebalance,
      ...securityConfig(options),
    },
    // Where a partition has no position yet; the subscription positions every partition it is assigned.
    topic: { "auto.offset.reset": "earliest" },
  };
}

/** Methods the binding's consumer has (lib/kafka-consumer.js) that its typings leave out. */
interface ConsumerCallbacks {
  commitCb(offsets: TopicPartitionOffset[], done: (error: LibrdKafkaError | null) => void): unknown;
  setDefaultIsTimeoutOnlyForFirstMessage(value: boolean): void;
}

export type RdkafkaConsumer = KafkaConsumer & ConsumerCallbacks;

function withCallbacks(consumer: KafkaConsumer): RdkafkaConsumer {
  const candidate: KafkaConsumer & Partial<ConsumerCallbacks> = consumer;
  if (
    typeof candidate.commitCb !== "function" ||
    typeof candidate.setDefaultIsTimeoutOnlyForFirstMessage !== "function"
  )
    throw new Error("this build of @confluentinc/kafka-javascript lacks KafkaConsumer.commitCb");
  return candidate as RdkafkaConsumer;
}

/** Connects a librdkafka consumer with this configuration, consuming `topic`, `consume` calls set up as the loops need. */
export async function connectRdkafkaConsumer(
  config: RdkafkaConsumerConfig,
  topic: string,
): Promise<RdkafkaConsumer> {
  const rdkafka = await loadRdkafka();
  const consumer = withCallbacks(new rdkafka.KafkaConsumer(config.global, config.topic));
  await new Promise<void>((resolve, reject) =>
    consumer.connect({ timeout: 10_000 }, (error) => (error ? reject(error) : resolve())),
  );
  consumer.setDefaultConsumeTimeout(CONSUME_WAIT_MS);
  // The wait is for the first record only; then a call returns what librdkafka has queued.
  consumer.setDefaultIsTimeoutOnlyForFirstMessage(true);
  consumer.subscribe([topic]);
  return consumer;
}

/** One `consume` call: up to `count` records, waiting CONSUME_WAIT_MS at most for the first. */
export function consumeSome(consumer: KafkaConsumer, count: number): Promise<Message[]> {
  return new Promise((resolve, reject) =>
    consumer.consume(count, (error, messages) => (error ? reject(error) : resolve(messages))),
  );
}

/** Leaves the group (librdkafka commits what auto-commit holds) and closes. */
export function disconnectConsumer(consumer: KafkaConsumer): Promise<void> {
  return new Promise((resolve) => {
    try {
      consumer.unsubscribe();
    } catch {
      // Not subscribed (the connection never came up): disconnect all the same.
    }
    consumer.disconnect(() => resolve());
  });
}

/**
 * A consumer in a consumer group through librdkafka's own consumer (node-rdkafka's `KafkaConsumer`: `consume`
 * calls in a loop, per-partition batches handed to the subscription), manual commits. It waits for the
 * subscription to position a new assignment before assigning it, and assigns the partitions at those offsets, so
 * nothing is fetched from elsewhere first. Seeks are librdkafka's: records of a partition fetched before one of
 * its seeks are dropped, not delivered.
 */
export class RdkafkaGroupConsumer implements GroupConsumer {
  private consumer?: RdkafkaConsumer;
  private handlers?: GroupConsumerHandlers;
  private running = false;
  private loop?: Promise<void>;
  /** Set while an assignment is being positioned: seeks made meanwhile become the assignment's offsets. */
  private starts?: Map<number, number>;
  /** Counts seeks; `changed` holds the count at a partition's last one. */
  private version = 0;
  private readonly changed = new Map<number, number>();
  /**
   * The partitions assigned now. A `consume` call can span a revocation and the next assignment: what it returns
   * of a partition assigned again is from the new assignment's offsets (or records the subscription's tracker
   * recognises), of one no longer assigned the next owner's.
   */
  private readonly assigned = new Set<number>();
  /**
   * Seeks asked for and not yet made: the loop makes them between `consume` calls, never while one runs (a
   * call that started before a seek could otherwise return records from after it, which would then be dropped).
   */
  private readonly pendingSeeks = new Map<number, number>();
  /** Rebalance callbacks in progress (assignment positioning). */
  private rebalancing: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: KafkaClientOptions,
    private readonly settings: GroupConsumerSettings,
  ) {}

  async start(handlers: GroupConsumerHandlers): Promise<void> {
    this.handlers = handlers;
    const { topic, group } = this.settings;
    const config = rdkafkaConsumerConfig(this.options, group, (error, assignment) =>
      this.onRebalance(error, assignment),
    );
    this.consumer = await connectRdkafkaConsumer(config, topic);
    this.running = true;
    this.loop = this.poll(this.consumer, handlers);
  }

  /**
   * Assignments and revocations are applied in the order librdkafka gave them, an assignment once it is
   * positioned; the loop does not poll meanwhile (polling could hand it the next rebalance before this one is done).
   */
  private onRebalance(error: LibrdKafkaError, assignment: TopicPartition[]): void {
    const consumer = this.consumer;
    if (!consumer) return;
    if (error.code === ERR_REVOKE_PARTITIONS) {
      // Records of these partitions in hand are the next owner's now.
      for (const entry of assignment)
        if (entry.topic === this.settings.topic) this.assigned.delete(entry.partition);
      this.rebalancing = this.rebalancing.then(() => {
        try {
          consumer.unassign();
        } catch {
          // The consumer is closing: nothing is assigned any more.
        }
      });
      return;
    }
    if (error.code !== ERR_ASSIGN_PARTITIONS) return;
    this.rebalancing = this.rebalancing.then(() => this.assign(consumer, assignment)).catch(() => {});
  }

  /** Positions the assignment (the subscription's seeks), then assigns it at those offsets. */
  private async assign(consumer: RdkafkaConsumer, assignment: TopicPartition[]): Promise<void> {
    const { topic } = this.settings;
    const starts = new Map<number, number>();
    this.starts = starts;
    try {
      await this.handlers?.assigned(
        assignment.filter((entry) => entry.topic === topic).map((entry) => entry.partition),
      );
    } finally {
      this.starts = undefined;
    }
    const positioned: TopicPartitionOffset[] = assignment.map((entry) => {
      const offset = entry.topic === topic ? starts.get(entry.partition) : undefined;
      return { topic: entry.topic, partition: entry.partition, offset: offset ?? -1000 };
    });
    try {
      consumer.assign(positioned);
      for (const entry of positioned) if (entry.topic === topic) this.assigned.add(entry.partition);
    } catch {
      // The consumer is closing: the assignment no longer matters.
    }
  }

  /** Records of these partitions fetched before now are overtaken. */
  private touch(partitions: readonly number[]): void {
    this.version += 1;
    for (const partition of partitions) this.changed.set(partition, this.version);
  }

  private async poll(consumer: RdkafkaConsumer, handlers: GroupConsumerHandlers): Promise<void> {
    while (this.running) {
      await this.rebalancing;
      while (this.pendingSeeks.size > 0) await this.applySeeks(consumer);
      const fetchedAt = this.version;
      let messages: Message[];
      try {
        messages = await consumeSome(consumer, RDKAFKA_MAX_BATCH);
      } catch (error) {
        if (!this.running) return;
        if (rdkafkaCode(error) === ERR_STATE) {
          this.running = false;
          handlers.failed(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, CONSUME_WAIT_MS));
        continue;
      }
      for (const batch of byPartition(messages)) {
        if (!this.running) return;
        const partition = batch[0]?.partition ?? -1;
        // Fetched before a seek of its partition (the seek decides where it goes on), or no longer ours.
        if ((this.changed.get(partition) ?? 0) > fetchedAt || !this.assigned.has(partition)) continue;
        await this.handOver(handlers, partition, batch);
      }
    }
  }

  private async handOver(
    handlers: GroupConsumerHandlers,
    partition: number,
    messages: Message[],
  ): Promise<void> {
    const until = performance.now() + RDKAFKA_BATCH_HOLD_MS;
    const handedAt = this.version;
    let resolved = -1;
    const payload: FetchedBatch = {
      batch: { partition, messages },
      resolveOffset: (offset) => {
        const value = Number(offset);
        if (value > resolved) resolved = value;
      },
      heartbeat: () => Promise.resolve(),
      isRunning: () => this.running,
      isStale: () =>
        (this.changed.get(partition) ?? 0) > handedAt ||
        !this.assigned.has(partition) ||
        performance.now() > until,
    };
    await handlers.eachBatch(payload);
    const last = messages[messages.length - 1]?.offset ?? -1;
    // Records not handled are fetched again, unless a seek or rebalance already decided where the partition goes.
    if (
      resolved < last &&
      this.running &&
      this.assigned.has(partition) &&
      (this.changed.get(partition) ?? 0) <= handedAt
    ) {
      this.seekNow(partition, resolved >= 0 ? resolved + 1 : (messages[0]?.offset ?? 0));
    }
  }

  seek(partition: number, offset: number): void {
    if (this.starts) {
      this.starts.set(partition, offset);
      return;
    }
    this.seekNow(partition, offset);
  }

  /** Records of the partition fetched before now are dropped; the loop seeks before its next `consume`. */
  private seekNow(partition: number, offset: number): void {
    this.touch([partition]);
    this.pendingSeeks.set(partition, offset);
  }

  private async applySeeks(consumer: RdkafkaConsumer): Promise<void> {
    const { topic } = this.settings;
    const seeks = [...this.pendingSeeks];
    this.pendingSeeks.clear();
    await Promise.all(
      seeks.map(
        ([partition, offset]) =>
          new Promise<void>((resolve) => {
            // A partition no longer assigned refuses the seek; its next owner positions it.
            consumer.seek({ topic, partition, offset }, 1000, () => resolve());
          }),
      ),
    );
  }

  commit(offsets: readonly (readonly [number, number])[]): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return Promise.resolve();
    const { topic } = this.settings;
    return new Promise((resolve, reject) => {
      try {
        consumer.commitCb(
          offsets.map(([partition, offset]) => ({ topic, partition, offset })),
          (error) => (error ? reject(error) : resolve()),
        );
      } catch (error) {
        if (rdkafkaCode(error) === ERR_NO_OFFSET) resolve();
        else reject(error);
      }
    });
  }

  lostOwnership(error: unknown, closing: boolean): boolean {
    const code = rdkafkaCode(error);
    if (code === undefined) return false;
    return LOST_OWNERSHIP.has(code) || (closing && code === ERR_STATE);
  }

  async disconnect(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => {});
    if (this.consumer) await disconnectConsumer(this.consumer);
  }
}

/** The records of one `consume` call, split per partition, each in offset order. */
function byPartition(messages: readonly Message[]): Message[][] {
  if (messages.length === 0) return [];
  const first = messages[0]?.partition;
  if (messages.every((message) => message.partition === first)) return [messages as Message[]];
  const groups = new Map<number, Message[]>();
  for (const message of messages) {
    const group = groups.get(message.partition);
    if (group) group.push(message);
    else groups.set(message.partition, [message]);
  }
  return [...groups.values()];
}
