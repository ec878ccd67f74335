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
