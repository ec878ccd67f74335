import { InvalidArgumentError, type TopicOptions, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { type RedisTarget, redisCapabilities } from "./capabilities.js";

/** What a topic's meta hash remembers from createTopic, read back when publishing. */
export interface TopicSettings {
  readonly maxCount?: number;
  readonly maxAgeMs?: number;
  readonly deliveryLimit?: number;
}

/**
 * Refuses what the target cannot do and keeps what it can. `segmentBytes` is a log-broker tuning hint with no
 * Redis meaning, so it is ignored rather than refused.
 */
export function topicSettingsFor(target: RedisTarget, options: TopicOptions = {}): TopicSettings {
  const refuse = (capability: string, reason: string) =>
    new UnsupportedCapabilityError(target, capability, reason);
  if (options.partitions !== undefined && options.partitions !== 1) {
    throw refuse(
      "partitions",
      "a Redis list, stream or BullMQ queue is one sequence; use several topics instead",
    );
  }
  if (options.replicationFactor !== undefined && options.replicationFactor > 1) {
    throw refuse("replicationFactor", "Redis replicates the whole server (replicaof), not one key");
  }
  if (options.deadLetterTopic !== undefined) {
    throw refuse(
      "dead-lettering",
      target === "bullmq"
        ? "rejected jobs stay in the queue's failed set, not in another topic"
        : "Redis has no dead-letter destination; a record nacked without requeue is dropped",
    );
  }
  const retention = options.retention ?? {};
  if (retention.maxBytes !== undefined) {
    throw refuse("retention by size", "Redis trims by count (and streams by id/time), never by bytes");
  }
  const kinds = redisCapabilities[target].retention;
  if (target !== "bullmq" && retention.maxAgeMs !== undefined && !kinds.includes("time")) {
    throw refuse("retention by time", "list items carry no expiry; use redis-stream for time retention");
  }
  if (options.deliveryLimit !== undefined && target !== "bullmq") {
    throw refuse("deliveryLimit", "only BullMQ counts attempts (job attempts)");
  }
  return {
    ...(retention.maxCount !== undefined
      ? { maxCount: whole(retention.maxCount, "retention.maxCount") }
      : {}),
    ...(retention.maxAgeMs !== undefined
      ? { maxAgeMs: whole(retention.maxAgeMs, "retention.maxAgeMs") }
      : {}),
    ...(options.deliveryLimit !== undefined
      ? { deliveryLimit: whole(options.deliveryLimit, "deliveryLimit") }
      : {}),
  };
}

function whole(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

/** Hash fields for HSET; the inverse of {@link settingsFromHash}. */
export function settingsToHash(settings: TopicSettings): Record<string, string> {
  const hash: Record<string, string> = { created: String(Date.now()) };
  for (const [field, value] of Object.entries(settings)) hash[field] = String(value);
  return hash;
}

export function settingsFromHash(hash: Readonly<Record<string, string>>): TopicSettings {
  const read = (field: string) => (hash[field] === undefined ? undefined : Number(hash[field]));
  const maxCount = read("maxCount");
  const maxAgeMs = read("maxAgeMs");
  const deliveryLimit = read("deliveryLimit");
  return {
    ...(maxCount !== undefined ? { maxCount } : {}),
    ...(maxAgeMs !== undefined ? { maxAgeMs } : {}),
    ...(deliveryLimit !== undefined ? { deliveryLimit } : {}),
  };
}
