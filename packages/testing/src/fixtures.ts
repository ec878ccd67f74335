import type { MessagingClient, SubscribeOptions, Subscription, TopicOptions } from "@brokerlab/messaging";
import { onTestFinished } from "vitest";
import { type AckRule, Inbox } from "./inbox.js";
import { uniqueName } from "./names.js";

/** A connected client, closed when the current test finishes (also when connecting failed). */
export async function useClient<C extends MessagingClient>(create: () => C): Promise<C> {
  const client = create();
  onTestFinished(() => client.close());
  await client.connect();
  return client;
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
  ack: AckRule = true,
): Promise<Consumer> {
  const inbox = new Inbox();
  const subscription = await client.subscribe(topic, options, inbox.handler(ack));
  onTestFinished(() => subscription.close());
  return { inbox, subscription };
}
