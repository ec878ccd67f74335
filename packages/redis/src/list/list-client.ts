import {
  type Capabilities,
  type DeliveryHandler,
  type GroupLag,
  type MessageRecord,
  type MessagingClient,
  type PublishOptions,
  type PublishReceipt,
  requireStartPosition,
  StartAt,
  type SubscribeOptions,
  type Subscription,
  type TopicOptions,
  type TopicState,
} from "@brokerlab/messaging";
import { redisCapabilities } from "../capabilities.js";
import { runScript } from "../run-script.js";
import type { RedisSession } from "../session.js";
import { checkPrefetch, checkPublish, refusePartitions } from "../shared.js";
import { topicSettingsFor } from "../topic-settings.js";
import { encodeBody } from "./envelope.js";
import { ListSubscription } from "./list-subscription.js";
import { PUBLISH } from "./scripts.js";

/** `redis-list`: a reliable queue on a Redis LIST (LPUSH, BLMOVE into a processing list, LREM on ack). */
export class ListClient implements MessagingClient {
  readonly target = "redis-list" as const;
  readonly capabilities: Capabilities = redisCapabilities["redis-list"];
  private readonly subscriptions = new Set<ListSubscription>();

  constructor(private readonly session: RedisSession) {}

  get address(): string {
    return this.session.address;
  }

  async connect(): Promise<void> {
    await this.session.connection();
  }

  brokerVersion(): Promise<string> {
    return this.session.brokerVersion();
  }

  async publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    const level = checkPublish(this.target, records, options?.durability);
    const { queue, sequence } = this.session.keys(topic);
    if (records.length === 0) return [];
    const settings = await this.session.settings(topic);
    const now = Date.now();
    const bodies = records.map((record) => encodeBody(record, now));
    const sent = runScript(
      await this.session.connection(),
      PUBLISH,
      [queue, sequence],
      [settings.maxCount ?? 0, ...bodies],
    );
    if (level === "none") sent.catch(() => {});
    else await sent;
    return records.map(() => ({}));
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    requireStartPosition(
      this,
      options.from ?? StartAt.committed,
      "a Redis list is a queue: consumers take from its head and acknowledged items are gone",
    );
    const keys = this.session.keys(topic);
    const subscription: ListSubscription = new ListSubscription(
      this.session,
      topic,
      keys,
      checkPrefetch(options.prefetch),
      handler,
      () => this.subscriptions.delete(subscription),
    );
    await subscription.start();
    this.subscriptions.add(subscription);
    return subscription;
  }

  async createTopic(topic: string, options?: TopicOptions): Promise<void> {
    await this.session.saveSettings(topic, topicSettingsFor(this.target, options));
  }

  async deleteTopic(topic: string): Promise<void> {
    await this.session.deleteMatching(this.session.keys(topic).all);
    this.session.forgetTopic(topic);
  }

  async addPartitions(): Promise<void> {
    refusePartitions(this.target);
  }

  /** Stored = ready in the queue + delivered and not yet acknowledged (every consumer's processing list). */
  async inspect(topic: string): Promise<TopicState> {
    const stored = await this.stored(topic);
    return { topic, stored, partitions: [{ partition: 0, stored }] };
  }

  /** A queue has one group: its lag is what it still stores (ready + unacknowledged), whatever `group` says. */
  async lag(topic: string, group: string): Promise<GroupLag> {
    const total = await this.stored(topic);
    return { topic, group, total, partitions: [{ partition: 0, lag: total }] };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.session.close();
  }

  private async stored(topic: string): Promise<number> {
    const keys = this.session.keys(topic);
    const redis = await this.session.connection();
    const consumers = await redis.smembers(keys.consumers);
    const pipeline = redis.pipeline().llen(keys.queue);
    for (const consumer of consumers) pipeline.llen(keys.processing(consumer));
    const replies = (await pipeline.exec()) ?? [];
    return replies.reduce((sum, [error, length]) => (error ? sum : sum + Number(length)), 0);
  }
}
