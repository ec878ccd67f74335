import { randomBytes } from "node:crypto";
import {
  type DeliveryHandler,
  type GroupLag,
  type MessageRecord,
  type PublishOptions,
  type PublishReceipt,
  requireStartPosition,
  StartAt,
  type SubscribeOptions,
  type Subscription,
  singlePartitionLag,
  singlePartitionState,
  type TopicState,
} from "@brokerlab/messaging";
import { RedisClientBase } from "../redis-client-base.js";
import type { RedisSession } from "../session.js";
import { checkPrefetch, checkPublish, publishFailure, waitForReplica } from "../shared.js";
import { encodeItems } from "./envelope.js";
import { ListSubscription } from "./list-subscription.js";

/** `redis-list`: a reliable queue on a Redis LIST (LPUSH, BLMOVE into a processing list, LREM on ack). */
export class ListClient extends RedisClientBase {
  /** Item ids are unique without a round trip: a random prefix per client and a counter. */
  private readonly idPrefix = randomBytes(8).toString("hex");
  private published = 0;

  constructor(session: RedisSession) {
    super("redis-list", session);
  }

  /**
   * The items are built here, ids included, so publishing is one plain LPUSH (plus LTRIM with
   * retention.maxCount) rather than a script: Redis runs scripts one at a time, and building items in Lua
   * capped the publish rate at a third of a plain LPUSH.
   */
  async publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    const level = checkPublish(this, topic, records, options?.durability);
    const { queue } = this.session.keys(topic);
    if (records.length === 0) return [];
    const settings = await this.session.settings(topic);
    const redis = await this.session.connection();
    const now = Date.now();
    const items = encodeItems(this.idPrefix, this.published + 1, records, now);
    this.published += records.length;
    const sent =
      settings.maxCount === undefined
        ? redis.lpush(queue, ...items)
        : redis
            .multi()
            .lpush(queue, ...items)
            .ltrim(queue, 0, settings.maxCount - 1)
            .exec()
            .then(throwFirstError);
    if (level === "none") sent.catch(() => {});
    else
      await sent.catch((error: unknown) => {
        throw publishFailure(topic, error);
      });
    if (level === "replicated") await waitForReplica(this.target, redis);
    return records.map(() => ({}));
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    requireStartPosition(
      this,
      options.from ?? StartAt.committed,
      "a Redis list is a queue: consumers take from its head and acknowledged items are gone",
    );
    const keys = this.session.keys(topic);
    // Never created: refused, rather than waiting forever on a list nobody publishes to.
    await this.session.settings(topic);
    const subscription: ListSubscription = new ListSubscription(
      this.session,
      topic,
      keys,
      checkPrefetch(options.prefetch),
      this.reporting(handler),
      () => this.subscriptions.delete(subscription),
    );
    await subscription.start();
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stored = ready in the queue + delivered and not yet acknowledged (every consumer's processing list). */
  async inspect(topic: string): Promise<TopicState> {
    const stored = await this.stored(topic);
    return singlePartitionState(topic, stored);
  }

  /** A queue has one group: its lag is what it still stores (ready + unacknowledged), whatever `group` says. */
  async lag(topic: string, group: string): Promise<GroupLag> {
    const total = await this.stored(topic);
    return singlePartitionLag(topic, group, total);
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

/** EXEC resolves even when a command in it failed; its error is in the replies. */
function throwFirstError(replies: [Error | null, unknown][] | null): void {
  const failed = replies?.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}
