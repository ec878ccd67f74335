import { randomBytes } from "node:crypto";
import type {
  Delivery,
  MessagingClient,
  SubscribeOptions,
  Subscription,
  TopicOptions,
} from "@brokerlab/messaging";
import { onTestFinished } from "vitest";
import { createRedisClient, type RedisClientOptions, type RedisTarget } from "../src/index.js";

export const REDIS_URL = process.env.BROKERLAB_REDIS_URL || "redis://127.0.0.1:6379";

export function uniqueName(label: string): string {
  return `bl-${label}-${randomBytes(4).toString("hex")}`;
}

/** A connected client, closed when the test finishes. */
export async function useClient(
  target: RedisTarget,
  options: Partial<RedisClientOptions> = {},
): Promise<MessagingClient> {
  const client = createRedisClient(target, { url: REDIS_URL, ...options });
  await client.connect();
  onTestFinished(() => client.close());
  return client;
}

/** A topic with a unique name, deleted (every key) when the test finishes. */
export async function useTopic(
  client: MessagingClient,
  label: string,
  options?: TopicOptions,
): Promise<string> {
  const topic = uniqueName(label);
  await client.createTopic(topic, options);
  onTestFinished(() => client.deleteTopic(topic));
  return topic;
}

export function records(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    key: `key-${from + i}`,
    value: Buffer.from(`record-${from + i}`),
    headers: { n: String(from + i) },
  }));
}

/** Collects deliveries; `waitFor(n)` resolves with the first n or rejects after `ms`. */
export class Inbox {
  readonly deliveries: Delivery[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  push(delivery: Delivery): void {
    this.deliveries.push(delivery);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.deliveries.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  waitFor(count: number, ms = 20_000): Promise<Delivery[]> {
    if (this.deliveries.length >= count) return Promise.resolve(this.deliveries.slice(0, count));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`expected ${count} deliveries within ${ms} ms, got ${this.deliveries.length}`)),
        ms,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.deliveries.slice(0, count));
        },
      });
    });
  }
}

/** Subscribes, records every delivery and acks it when `ack` says so; closed when the test finishes. */
export async function consume(
  client: MessagingClient,
  topic: string,
  options: SubscribeOptions,
  ack: (delivery: Delivery) => boolean = () => true,
): Promise<{ inbox: Inbox; subscription: Subscription }> {
  const inbox = new Inbox();
  const subscription = await client.subscribe(topic, options, async (delivery) => {
    inbox.push(delivery);
    if (ack(delivery)) await delivery.ack();
  });
  onTestFinished(() => subscription.close());
  return { inbox, subscription };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `read` until `done` holds or `ms` pass; returns the last value either way. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(200);
    value = await read();
  }
  return value;
}
