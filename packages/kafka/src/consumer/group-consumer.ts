/** Header values as both Kafka clients hand them over (a repeated header is an array). */
export interface FetchedHeaders {
  [name: string]: Buffer | string | (Buffer | string)[] | undefined;
}

/**
 * One fetched record, in the shapes kafkajs and librdkafka's consumer give (neither is copied into another):
 * kafkajs has string offsets and timestamps and a headers object, librdkafka numbers and a list of headers.
 */
export interface FetchedMessage {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | null;
  /** Milliseconds since the epoch. */
  readonly timestamp?: string | number;
  readonly offset: string | number;
  readonly headers?: FetchedHeaders | readonly FetchedHeaders[];
}

/** Records of one partition, fetched in offset order (kafkajs' `eachBatch` payload fits it as it is). */
export interface FetchedBatch {
  readonly batch: { readonly partition: number; readonly messages: readonly FetchedMessage[] };
  /** Everything up to this offset (a message's own) is handled: the client fetches on after it. */
  resolveOffset(offset: FetchedMessage["offset"]): void;
  /** Keeps the membership alive while the batch waits (kafkajs); librdkafka heartbeats on its own thread. */
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  /** The batch is overtaken (a seek, a rebalance, or the client must poll again): give it up. */
  isStale(): boolean;
}

/** What a subscription gives its group consumer to call. */
export interface GroupConsumerHandlers {
  /**
   * After each join, with this member's partitions of the topic (the whole assignment). Resolves once they are
   * positioned: a client that can wait for that before fetching does; the others deliver nothing of a partition
   * until its seek came.
   */
  assigned(partitions: readonly number[]): Promise<void>;
  /** The consumer stopped for good and will not join again. */
  failed(error: unknown): void;
  eachBatch(batch: FetchedBatch): Promise<void>;
}

/**
 * The consuming half of a Kafka client: one member of a consumer group on one topic with manual commits. The one
 * part of a subscription the Kafka targets (kafkajs, librdkafka) do differently; the prefetch gate, ack tracking,
 * start positions, redelivery and commit coalescing are KafkaSubscription's, shared.
 */
export interface GroupConsumer {
  /** Connects, joins the group and starts fetching; joining itself is reported through `assigned`. */
  start(handlers: GroupConsumerHandlers): Promise<void>;
  /** The partition's next fetch starts at `offset`. */
  seek(partition: number, offset: number): void;
  /** Commits `[partition, offset]` pairs (offset = the next record to read). */
  commit(offsets: readonly (readonly [number, number])[]): Promise<void>;
  /**
   * True for a commit failure that only means the partitions are no longer this member's (the group
   * rebalanced, or the consumer is closing): the records go to the next owner, at least once.
   */
  lostOwnership(error: unknown, closing: boolean): boolean;
  /** Leaves the group and closes the connections. */
  disconnect(): Promise<void>;
}

export interface GroupConsumerSettings {
  readonly topic: string;
  readonly group: string;
}

export type GroupConsumerFactory = (settings: GroupConsumerSettings) => GroupConsumer;
