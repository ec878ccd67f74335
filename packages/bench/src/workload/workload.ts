import type { DurabilityLevel, TargetId } from "@brokerlab/messaging";

/** OpenMessaging Benchmark key distributors. */
export const KEY_DISTRIBUTORS = ["NO_KEY", "KEY_ROUND_ROBIN", "RANDOM_NANO"] as const;
export type KeyDistributorType = (typeof KEY_DISTRIBUTORS)[number];

/** Durability for every target (`default`) or per target id. */
export type DurabilityChoice = Partial<Record<TargetId | "default", DurabilityLevel>>;

/**
 * A validated workload. The OMB fields keep their OMB names and meaning; ours are the seconds-based durations,
 * the durability per target and the publish batching knobs.
 */
export interface Workload {
  readonly name: string;
  readonly topics: number;
  readonly partitionsPerTopic: number;
  /** Bytes per message (the payload file's own size wins when one is given, as in OMB). */
  readonly messageSize: number;
  readonly payloadFile?: string;
  readonly useRandomizedPayloads: boolean;
  readonly randomBytesRatio: number;
  readonly randomizedPayloadPoolSize: number;
  readonly keyDistributor: KeyDistributorType;
  readonly subscriptionsPerTopic: number;
  readonly producersPerTopic: number;
  readonly consumerPerSubscription: number;
  /** Total messages per second over all producers; 0 = search for the highest sustainable rate. */
  readonly producerRate: number;
  /** Build this much backlog with consumers stopped, then start them and measure the drain. 0 = off. */
  readonly consumerBacklogSizeGB: number;
  readonly testDurationSeconds: number;
  readonly warmupDurationSeconds: number;
  readonly durability: DurabilityChoice;
  /** Most records sent in one publish call (records already due are sent together). */
  readonly publishBatchSize: number;
  /** Most publish calls awaiting their ack per producer; beyond it the producer waits (and delay grows). */
  readonly maxInflightPublishes: number;
  /** Unacknowledged deliveries per consumer (the contract's `prefetch`). */
  readonly consumerPrefetch: number;
}
