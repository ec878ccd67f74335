import type { MessagingClient } from "@brokerlab/messaging";
import { useClient } from "@brokerlab/testing";
import { createKafkaClient } from "../src/index.js";

export const KAFKA_BROKERS = (process.env.BROKERLAB_KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");

/** A connected client on the shared broker, closed when the test ends. */
export function kafkaClient(): Promise<MessagingClient> {
  return useClient(() => createKafkaClient({ brokers: KAFKA_BROKERS, clientId: "brokerlab-kafka-test" }));
}
