import type { Position } from "./position.js";

export interface TopicOptions {
  /** Kafka partitions; other targets accept only 1 (or leave it out). */
  readonly partitions?: number;
  /** Copies of each record: Kafka replication factor, quorum queue initial group size. */
  readonly replicationFactor?: number;
  readonly retention?: RetentionPolicy;
  /** Records nacked without requeue (or past `deliveryLimit`) go here, where the target dead-letters. */
  readonly deadLetterTopic?: string;
  readonly deliveryLimit?: number;
}

export interface RetentionPolicy {
  /** Drop records older than this. */
  readonly maxAgeMs?: number;
  /** Drop the oldest records beyond this many bytes. */
  readonly maxBytes?: number;
  /** Drop the oldest records beyond this many records. */
  readonly maxCount?: number;
  /** Segment size for log brokers (Kafka `segment.bytes`, stream `x-stream-max-segment-size-bytes`). */
  readonly segmentBytes?: number;
}

/** What a topic or queue stores right now, as the broker reports it. */
export interface TopicState {
  readonly topic: string;
  /** Records the broker still stores (ready + unacknowledged for queues). */
  readonly stored: number;
  readonly partitions: readonly PartitionState[];
  /**
   * Records the broker still keeps but will never deliver again, by set name (BullMQ: `completed`, `failed`).
   * Not part of `stored`; absent where a target keeps no such history.
   */
  readonly history?: Readonly<Record<string, number>>;
}

export interface PartitionState {
  readonly partition: number;
  readonly stored: number;
  readonly first?: Position;
  readonly last?: Position;
}

/** How far a group is behind, per partition: end of log minus committed position (or pending for queues). */
export interface GroupLag {
  readonly topic: string;
  readonly group: string;
  readonly total: number;
  readonly partitions: readonly { readonly partition: number; readonly lag: number }[];
}

/**
 * The state of a topic with one partition (a queue, a stream): `first`/`last` are the offsets of the oldest
 * and newest record it stores, where the broker says.
 */
export function singlePartitionState(
  topic: string,
  stored: number,
  offsets: { readonly first?: string; readonly last?: string } = {},
): TopicState {
  const partition: PartitionState = {
    partition: 0,
    stored,
    ...(offsets.first ? { first: { partition: 0, offset: offsets.first } } : {}),
    ...(offsets.last ? { last: { partition: 0, offset: offsets.last } } : {}),
  };
  return { topic, stored, partitions: [partition] };
}

/** The lag of a group on a topic with one partition. */
export function singlePartitionLag(topic: string, group: string, total: number): GroupLag {
  return { topic, group, total, partitions: [{ partition: 0, lag: total }] };
}
