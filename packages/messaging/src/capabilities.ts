import type { DurabilityLevel } from "./durability.js";
import type { StartPositionKind } from "./start-position.js";

/** What a target's broker really does. Adapters never emulate a capability they do not declare. */
export interface Capabilities {
  /** Records stay stored after every consumer acknowledged them (a log), instead of being deleted (a queue). */
  readonly retainsAfterAck: boolean;
  /** A new reader can start from an explicit earlier position. */
  readonly replayFromPosition: boolean;
  /** A new reader can start from a point in time. */
  readonly replayFromTimestamp: boolean;
  /** Independent groups on one topic each receive every record. */
  readonly consumerGroups: boolean;
  /** Several consumers in one group split the records between them. */
  readonly competingConsumers: boolean;
  /** Scope within which delivery order equals publish order. */
  readonly ordering: "partition" | "queue" | "none";
  /** A record delivered but never acknowledged (consumer gone, nack with requeue) is delivered again. */
  readonly redeliversUnacked: boolean;
  /** Topics have partitions and keys choose the partition. */
  readonly partitions: boolean;
  /** Ways the broker itself drops stored records. */
  readonly retention: readonly RetentionKind[];
  readonly durability: readonly DurabilityLevel[];
  /** Records rejected without requeue (or past a delivery limit) go to a dead-letter destination. */
  readonly deadLettering: boolean;
  readonly startPositions: readonly StartPositionKind[];
}

/** `time`: older than an age; `size`: beyond a byte size; `count`: beyond a number of records. */
export type RetentionKind = "time" | "size" | "count";

export type CapabilityName = keyof Capabilities;
