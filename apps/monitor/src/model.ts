/** What collectors read from a broker; the cluster state turns readings into windows. */

export type BrokerKind = "kafka" | "rabbitmq" | "redis";

/** A topic, stream or job queue with offsets: the log-end offset of each partition (index = partition). */
export interface TopicReading {
  readonly topic: string;
  /** The target the topic belongs to (`kafka`, `redis-stream`, `bullmq`…). */
  readonly kind: string;
  readonly logEnds: readonly number[];
}

/** One commit read from the broker's commit log (Kafka's `__consumer_offsets`). */
export interface CommitReading {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** ms since epoch. */
  readonly timestamp: number;
  readonly order: number;
}

/** A group position read by polling (Redis stream groups, BullMQ queues): a commit when it has moved. */
export interface PositionReading {
  readonly group: string;
  readonly topic: string;
  readonly kind: string;
  readonly partition: number;
  readonly committed: number;
  /** When the broker can tell how old the oldest record not yet taken is (entry ids, job timestamps). */
  readonly lagSeconds?: number;
  readonly consumers?: number;
}

/** A queue that forgets on ack (RabbitMQ queues, Redis lists): depth, in flight and consumers. */
export interface QueueReading {
  readonly queue: string;
  readonly kind: string;
  readonly ready: number;
  /** Delivered, not yet acknowledged; null where the broker does not say (AMQP passive declare). */
  readonly unacked: number | null;
  readonly consumers: number | null;
  /** Age of the oldest waiting message, where the broker reports it. */
  readonly lagSeconds?: number;
}

/** Something seen that has no group position on the broker, with the reason. */
export interface UnsupportedReading {
  readonly name: string;
  readonly kind: string;
  readonly reason: string;
}

export interface Poll {
  readonly topics: readonly TopicReading[];
  readonly positions: readonly PositionReading[];
  readonly queues: readonly QueueReading[];
  readonly unsupported: readonly UnsupportedReading[];
  /** How this broker was read, e.g. "management HTTP API" or "AMQP passive declare (no unacknowledged count)". */
  readonly source: string;
}

/** Where a commit log's records go. */
export interface CommitSink {
  commit(reading: CommitReading): void;
  /** A tombstone: the group's offset for that partition was deleted. */
  deleted(group: string, topic: string, partition: number): void;
}

/** Reads one cluster. `start` begins following a commit log where the broker has one. */
export interface Collector {
  readonly cluster: string;
  readonly broker: BrokerKind;
  /** Printable addresses, never credentials. */
  readonly addresses: readonly string[];
  start(sink: CommitSink): Promise<void>;
  /** True once the commit log has been read to its end (always true without one). */
  caughtUp(): Promise<boolean>;
  poll(): Promise<Poll>;
  close(): Promise<void>;
}
