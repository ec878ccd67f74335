import { randomBytes } from "node:crypto";
import {
  type Capabilities,
  type Delivery,
  type MessageRecord,
  type MessagingClient,
  StartAt,
  type StartPosition,
  type SubscribeOptions,
  type Subscription,
  type TopicOptions,
} from "@brokerlab/messaging";
import { onTestFinished } from "vitest";

/** A connected client, closed when the current test finishes. */
export async function useClient(create: () => MessagingClient): Promise<MessagingClient> {
  const client = create();
  await client.connect();
  onTestFinished(() => client.close());
  return client;
}

export function uniqueName(prefix: string): string {
  return `bl-${prefix}-${randomBytes(4).toString("hex")}`;
}

/** A fresh topic (or queue) with a unique name, deleted when the current test finishes. */
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

/** Records numbered from `from`: value "<label>-<n>", header n, key per `keyOf`. */
export function numberedRecords(
  count: number,
  options: { from?: number; label?: string; keyOf?: (n: number) => string | null } = {},
): MessageRecord[] {
  const from = options.from ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      key: options.keyOf ? options.keyOf(n) : `key-${n}`,
      value: Buffer.from(`${options.label ?? "record"}-${n}`),
      headers: { n: String(n) },
    };
  });
}

export function numberOf(delivery: Delivery): number {
  return Number(delivery.headers.n);
}

/** Where a fresh reader starts on this target: the oldest record if it can say so, else the queue head. */
export function fromTheStart(capabilities: Capabilities): StartPosition {
  return capabilities.startPositions.includes("earliest") ? StartAt.earliest : StartAt.committed;
}

/** Deliveries received by one subscription, and a way to wait for some of them. */
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

  /** Resolves with the first `count` deliveries; rejects naming what arrived when `ms` pass first. */
  waitFor(count: number, ms = 20_000): Promise<Delivery[]> {
    if (this.deliveries.length >= count) return Promise.resolve(this.deliveries.slice(0, count));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`expected ${count} deliveries within ${ms} ms, got ${this.deliveries.length}`));
      }, ms);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.deliveries.slice(0, count));
        },
      });
    });
  }

  numbers(): number[] {
    return this.deliveries.map(numberOf);
  }
}

export interface Consumer {
  readonly inbox: Inbox;
  readonly subscription: Subscription;
}

/**
 * Subscribes and records every delivery; acks each one unless `ack` is false or returns false.
 * The subscription is closed when the current test finishes (closing twice is harmless).
 */
export async function consume(
  client: MessagingClient,
  topic: string,
  options: SubscribeOptions,
  ack: boolean | ((delivery: Delivery) => boolean) = true,
): Promise<Consumer> {
  const inbox = new Inbox();
  const subscription = await client.subscribe(topic, options, async (delivery) => {
    inbox.push(delivery);
    if (ack === true || (typeof ack === "function" && ack(delivery))) await delivery.ack();
  });
  onTestFinished(() => subscription.close());
  return { inbox, subscription };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `read` until `done` holds, returning the last value read; gives up (returning it anyway) after `ms`. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(250);
    value = await read();
  }
  return value;
}
