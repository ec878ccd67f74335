import type { MessagingClient } from "@brokerlab/messaging";
import { useClient, waitUntil } from "@brokerlab/testing";
import kafkajs from "kafkajs";
import { onTestFinished } from "vitest";
import { createKafkaClient, createRdkafkaClient, type KafkaProducerOptions } from "../src/index.js";

export const KAFKA_BROKERS = (process.env.BROKERLAB_KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");

/** A connected client on the shared broker, closed when the test ends. */
export function kafkaClient(producer: KafkaProducerOptions = {}): Promise<MessagingClient> {
  return useClient(() =>
    createKafkaClient({ brokers: KAFKA_BROKERS, clientId: "brokerlab-kafka-test", ...producer }),
  );
}

/** The same on the librdkafka target (publishing through librdkafka, the rest shared). */
export function rdkafkaClient(producer: KafkaProducerOptions = {}): Promise<MessagingClient> {
  return useClient(() =>
    createRdkafkaClient({ brokers: KAFKA_BROKERS, clientId: "brokerlab-rdkafka-test", ...producer }),
  );
}

/** Both Kafka targets, for the tests that must hold on either publish path. */
export const KAFKA_CLIENTS = [
  ["kafka", kafkaClient],
  ["kafka-rdkafka", rdkafkaClient],
] as const;

/**
 * The producer id the broker stored with each of the first `count` records of `topic` (record batches carry it;
 * -1 for a producer that is not idempotent). Read with a plain kafkajs consumer: the contract does not expose it.
 */
export async function storedProducerIds(topic: string, count: number): Promise<string[]> {
  const kafka = new kafkajs.Kafka({ brokers: KAFKA_BROKERS, logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${topic}-producer-ids` });
  onTestFinished(() => consumer.disconnect());
  const ids: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      ids.push(producerIdOf(message));
    },
  });
  await waitUntil(() => ids.length >= count, `${count} records of ${topic}`);
  return ids;
}

/** kafkajs keeps the record batch's header on each message as `batchContext`, outside its typings. */
function producerIdOf(message: object): string {
  const context = "batchContext" in message ? message.batchContext : undefined;
  if (typeof context === "object" && context !== null && "producerId" in context)
    return String(context.producerId);
  throw new Error("kafkajs no longer exposes batchContext.producerId on consumed messages");
}
