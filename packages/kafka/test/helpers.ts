import { randomUUID } from "node:crypto";
import type { Delivery, MessagingClient, TopicOptions } from "@brokerlab/messaging";
import { onTestFinished } from "vitest";
import { createKafkaClient } from "../src/index.js";

export const KAFKA_BROKERS = (process.env.BROKERLAB_KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");

/** A connected client, closed when the test ends. */
export async function kafkaClient(): Promise<MessagingClient> {
  const client = createKafkaClient({ brokers: KAFKA_BROKERS, clientId: "brokerlab-kafka-test" });
  onTestFinished(() => client.close());
  await client.connect();
  return client;
}

export function uniqueName(what: string): string {
  return `bl-${what}-${randomUUID().slice(0, 8)}`;
}

/** A fresh topic, deleted when the test ends (after the clients, which close first). */
export async function freshTopic(
  client: MessagingClient,
  what: string,
  options?: TopicOptions,
): Promise<string> {
  const topic = uniqueName(what);
  await client.createTopic(topic, options);
  onTestFinished(async () => {
    const admin = createKafkaClient({ brokers: KAFKA_BROKERS });
    try {
      await admin.deleteTopic(topic);
    } finally {
      await admin.close();
    }
  });
  return topic;
}

export const text = (value: string): Uint8Array => Buffer.from(value, "utf8");

/** Polls until `condition` holds; fails naming what it waited for. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Collects deliveries; acks each one unless told otherwise. */
export function collector(options: { ack?: boolean } = {}) {
  const received: Delivery[] = [];
  return {
    received,
    handler: async (delivery: Delivery) => {
      received.push(delivery);
      if (options.ack !== false) await delivery.ack();
    },
    values: () => received.map((d) => Buffer.from(d.value).toString()),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
