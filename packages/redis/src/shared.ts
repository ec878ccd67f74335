import {
  DEFAULT_PREFETCH,
  type DurabilityLevel,
  InvalidArgumentError,
  type MessageRecord,
  requireDurability,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { type RedisTarget, redisCapabilities } from "./capabilities.js";

/** Checks a publish call before anything is sent; returns the durability level to use. */
export function checkPublish(
  target: RedisTarget,
  records: readonly MessageRecord[],
  level: DurabilityLevel = "leader",
): DurabilityLevel {
  requireDurability(
    { target, capabilities: redisCapabilities[target] },
    level,
    level === "replicated"
      ? "a standalone Redis has no replicas to WAIT for"
      : "BullMQ always waits for Redis to store the job",
  );
  for (const record of records) {
    if (!(record.value instanceof Uint8Array)) {
      throw new InvalidArgumentError("record.value must be a Uint8Array (for example Buffer.from(text))");
    }
  }
  return level;
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
