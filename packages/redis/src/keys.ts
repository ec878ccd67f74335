import { InvalidArgumentError } from "@brokerlab/messaging";

/**
 * Every key a topic uses starts with `<prefix>:{<topic>}:`. The braces are a Redis Cluster hash tag, so one
 * topic's keys share a slot and the Lua scripts that touch several of them stay legal on a cluster.
 */
export function topicKeys(prefix: string, topic: string) {
  const base = `${prefix}:{${topic}}`;
  return {
    /** Matches every key of the topic (SCAN pattern; topic names contain no glob characters). */
    all: `${base}:*`,
    meta: `${base}:meta`,
    queue: `${base}:queue`,
    deliveries: `${base}:deliveries`,
    consumers: `${base}:consumers`,
    processing: (consumer: string) => `${base}:processing:${consumer}`,
    alive: (consumer: string) => `${base}:alive:${consumer}`,
    stream: `${base}:stream`,
  };
}

export type TopicKeys = ReturnType<typeof topicKeys>;

/** Same alphabet as Kafka topic names; keeps keys, SCAN patterns and BullMQ queue names unambiguous. */
export function validateTopic(topic: string): void {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(topic)) {
    throw new InvalidArgumentError(
      `topic "${topic}" may only contain letters, digits, ".", "_" and "-" (1 to 200 characters)`,
    );
  }
}

/** A key this package wrote, recognised from its name: which target and topic it belongs to and what it holds. */
export interface RecognisedKey {
  readonly target: "redis-list" | "redis-stream" | "bullmq";
  readonly topic: string;
  /** The suffix after the topic: `stream`, `queue`, `consumers`, `processing:<consumer>`, BullMQ's `wait`, `id`… */
  readonly role: string;
}

const LIST_ROLES = /^(queue|consumers|deliveries|processing:.+|alive:.+)$/;

/** The inverse of {@link topicKeys} (and of BullMQ's `<prefix>:<queue>:<suffix>`); undefined for other keys. */
export function recogniseKey(prefix: string, key: string): RecognisedKey | undefined {
  if (!key.startsWith(`${prefix}:`)) return undefined;
  const rest = key.slice(prefix.length + 1);
  const tagged = /^\{([A-Za-z0-9._-]+)\}:(.+)$/.exec(rest);
  if (tagged) {
    const [, topic = "", role = ""] = tagged;
    if (role === "stream") return { target: "redis-stream", topic, role };
    if (LIST_ROLES.test(role)) return { target: "redis-list", topic, role };
    return undefined;
  }
  const bullmq = /^([A-Za-z0-9._-]+):([a-z-]+)(?::.*)?$/.exec(rest);
  if (!bullmq) return undefined;
  const [, topic = "", role = ""] = bullmq;
  return { target: "bullmq", topic, role };
}
