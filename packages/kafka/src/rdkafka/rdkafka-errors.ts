import { InvalidArgumentError } from "@brokerlab/messaging";
import type { TopicAdmin } from "../admin/topic-admin.js";
import { connectionFailure, missingTopic, tooLarge } from "../kafka-errors.js";

/** librdkafka error codes (rdkafka.h; stable across releases) that the publisher tells apart. */
export const RDKAFKA_CODES = {
  TRANSPORT: -195,
  RESOLVE: -193,
  MSG_TIMED_OUT: -192,
  UNKNOWN_PARTITION: -190,
  UNKNOWN_TOPIC: -188,
  ALL_BROKERS_DOWN: -187,
  TIMED_OUT: -185,
  QUEUE_FULL: -184,
  AUTHENTICATION: -169,
  UNKNOWN_TOPIC_OR_PART: 3,
  MSG_SIZE_TOO_LARGE: 10,
  RECORD_LIST_TOO_LARGE: 18,
} as const;

const UNREACHABLE = new Set<number>([
  RDKAFKA_CODES.TRANSPORT,
  RDKAFKA_CODES.RESOLVE,
  RDKAFKA_CODES.MSG_TIMED_OUT,
  RDKAFKA_CODES.ALL_BROKERS_DOWN,
  RDKAFKA_CODES.TIMED_OUT,
  RDKAFKA_CODES.AUTHENTICATION,
]);

/** The librdkafka error code an error carries, if it is one of librdkafka's. */
export function rdkafkaCode(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "number" ? error.code : undefined;
}

export function isQueueFull(error: unknown): boolean {
  return rdkafkaCode(error) === RDKAFKA_CODES.QUEUE_FULL;
}

/** A failed produce or delivery as a brokerlab error where the cause is a user's or the network's. */
export async function publishFailure(
  error: unknown,
  topic: string,
  address: string,
  topics: TopicAdmin,
): Promise<unknown> {
  const code = rdkafkaCode(error);
  if (code === RDKAFKA_CODES.MSG_SIZE_TOO_LARGE || code === RDKAFKA_CODES.RECORD_LIST_TOO_LARGE) {
    return tooLarge(topic);
  }
  if (code === RDKAFKA_CODES.UNKNOWN_PARTITION) {
    return new InvalidArgumentError(`topic "${topic}" has no such partition`);
  }
  if (code === RDKAFKA_CODES.UNKNOWN_TOPIC || code === RDKAFKA_CODES.UNKNOWN_TOPIC_OR_PART) {
    if (!(await topics.exists(topic).catch(() => true))) return missingTopic(topic, address);
  }
  if (code !== undefined && UNREACHABLE.has(code)) return connectionFailure(address, error);
  return error;
}
