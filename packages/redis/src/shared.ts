import {
  type Capabilities,
  checkRecords,
  DEFAULT_PREFETCH,
  type DurabilityLevel,
  InvalidArgumentError,
  type MessageRecord,
  NotReplicatedError,
  PublishRejectedError,
  replicatedNeedsCluster,
  requireDurability,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import type { RedisTarget } from "./capabilities.js";

interface Declared {
  readonly target: RedisTarget;
  readonly capabilities: Capabilities;
}

/** How long a `replicated` publish lets WAIT look for a replica before it fails. */
export const WAIT_TIMEOUT_MS = 2_000;

/** Checks a publish call before anything is sent; returns the durability level to use. */
export function checkPublish(
  declared: Declared,
  topic: string,
  records: readonly MessageRecord[],
  level: DurabilityLevel = "leader",
): DurabilityLevel {
  checkRecords(topic, records);
  requireDurability(
    declared,
    level,
    level !== "replicated"
      ? "BullMQ always waits for Redis to store the job"
      : declared.target === "bullmq"
        ? "BullMQ adds jobs on connections of its own, which the adapter cannot WAIT on after the add"
        : replicatedNeedsCluster("a standalone Redis has no replica to WAIT for"),
  );
  return level;
}

/**
 * A publish Redis answered with an error: out of memory (maxmemory reached with a noeviction policy) is a
 * refusal, nothing stored; anything else is passed on as it is.
 */
export function publishFailure(topic: string, error: unknown): unknown {
  if (error instanceof Error && /^OOM\b/.test(error.message)) {
    return new PublishRejectedError(
      topic,
      "Redis is out of memory (maxmemory reached); consume or trim the topic, or raise maxmemory",
      error,
    );
  }
  return error;
}

export function checkPrefetch(prefetch: number | undefined): number {
  const value = prefetch ?? DEFAULT_PREFETCH;
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidArgumentError(`prefetch must be a whole number ≥ 1`);
  return value;
}

export function refusePartitions(target: RedisTarget): never {
  throw new UnsupportedCapabilityError(
    target,
    "partitions",
    "a Redis list, stream or BullMQ queue is one sequence; use several topics instead",
  );
}

/**
 * `replicated` on the cluster: WAIT 1 after the write. WAIT promises that many replicas received the
 * primary's stream up to here, in memory; not that they wrote it to disk, nor that a failover keeps it. Fewer
 * replicas in time fails the publish, though the record may still be on the primary.
 */
export async function waitForReplica(
  target: RedisTarget,
  redis: { wait(replicas: number, ms: number): Promise<number> },
): Promise<void> {
  const replicas = await redis.wait(1, WAIT_TIMEOUT_MS);
  if (replicas >= 1) return;
  throw new NotReplicatedError(
    target,
    `WAIT 1 saw ${replicas} replicas within ${WAIT_TIMEOUT_MS} ms. The write is on the primary and may still reach a replica; WAIT only counts replicas that received it (in memory, not on disk) and does not make it survive a failover`,
  );
}
