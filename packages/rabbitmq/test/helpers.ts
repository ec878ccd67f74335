import { randomBytes } from "node:crypto";
import type { Delivery, TopicOptions } from "@brokerlab/messaging";
import { onTestFinished } from "vitest";
import {
  createRabbitMqClient,
  type RabbitMqClient,
  type RabbitMqClientOptions,
  type RabbitMqTarget,
} from "../src/index.js";

/** The shared RabbitMQ every test uses (never restarted by tests). */
export const SHARED_URL = process.env.BROKERLAB_RABBITMQ_URL || "amqp://guest:guest@127.0.0.1:5672";

export function uniqueName(label: string): string {
  return `bl-${label}-${randomBytes(4).toString("hex")}`;
}

/** A connected client, closed when the test finishes. */
export async function useClient(
  target: RabbitMqTarget,
  options: Partial<RabbitMqClientOptions> = {},
): Promise<RabbitMqClient> {
  const client = createRabbitMqClient(target, { url: SHARED_URL, ...options });
  await client.connect();
  onTestFinished(() => client.close());
  return client;
}

/** A fresh queue of the client's target, deleted when the test finishes. */
export async function useTopic(
  client: RabbitMqClient,
  label: string,
  options?: TopicOptions,
): Promise<string> {
  const topic = uniqueName(label);
  await client.createTopic(topic, options);
  onTestFinished(() => client.deleteTopic(topic));
  return topic;
}

export function records(count: number, from = 0): { key: string; value: Buffer; headers: { n: string } }[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `k${from + i}`,
    value: Buffer.from(`r${from + i}`),
    headers: { n: String(from + i) },
  }));
}

/** Collects deliveries and waits for a number of them. */
export class Collector {
  readonly deliveries: Delivery[] = [];
  private waiters: (() => void)[] = [];

  readonly push = (delivery: Delivery): void => {
    this.deliveries.push(delivery);
    for (const wake of this.waiters.splice(0)) wake();
  };

  async waitFor(count: number, ms = 20_000): Promise<Delivery[]> {
    const deadline = Date.now() + ms;
    while (this.deliveries.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} deliveries within ${ms} ms, got ${this.deliveries.length}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.deliveries.slice(0, count);
  }

  numbers(): number[] {
    return this.deliveries.map((delivery) => Number(delivery.headers.n));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
