import { checkTopicName as checkAnyTopicName, InvalidArgumentError } from "@brokerlab/messaging";

/** Kafka's own rule (kafka.common.internals.Topic): 1 to 249 of letters, digits, ".", "_", "-"; not "." or "..". */
const LEGAL = /^[A-Za-z0-9._-]{1,249}$/;

/** Refuses a name Kafka would refuse, before a request is sent (kafkajs would otherwise report it its own way). */
export function checkTopicName(topic: unknown): asserts topic is string {
  checkAnyTopicName(topic);
  if (!LEGAL.test(topic) || topic === "." || topic === "..") {
    throw new InvalidArgumentError(
      `"${topic}" is not a usable Kafka topic name (1 to 249 letters, digits, ".", "_" or "-"; not "." or "..")`,
    );
  }
}
