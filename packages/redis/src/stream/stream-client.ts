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
import type { Redis } from "ioredis";
import { RedisClientBase } from "../redis-client-base.js";
import type { RedisSession } from "../session.js";
import { checkPrefetch, checkPublish, publishFailure, waitForReplica } from "../shared.js";
import { flatToObject, xaddArguments } from "./stream-entries.js";
import { StreamSubscription } from "./stream-subscription.js";

/** `redis-stream`: a Redis Stream with consumer groups (XADD, XREADGROUP, XACK, XAUTOCLAIM). */
export class StreamClient extends RedisClientBase {
  constructor(session: RedisSession) {
    super("redis-stream", session);
  }

  /**
   * XADD per record, then the topic's retention as exact XTRIM MAXLEN / MINID (exact, not `~`: `~` only drops
   * whole radix-tree nodes of ~100 entries, so small limits would never trim). Retention therefore acts when
   * records are published, and MINID uses this process's clock against ids from Redis's clock.
   */
  async publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    const level = checkPublish(this, topic, records, options?.durability);
    const { stream } = this.session.keys(topic);
    if (records.length === 0) return [];
    const settings = await this.session.settings(topic);
    const redis = await this.session.connection();
    const now = Date.now();
    const pipeline = redis.pipeline();
    // Lower case on purpose: ioredis lower-cases command names for its flag lookups, several times per command.
    for (const record of records) pipeline.call("xadd", xaddArguments(stream, record));
    if (settings.maxCount !== undefined) pipeline.xtrim(stream, "MAXLEN", "=", settings.maxCount);
    if (settings.maxAgeMs !== undefined) pipeline.xtrim(stream, "MINID", "=", `${now - settings.maxAgeMs}-0`);
    const sent = pipeline.exec();
    if (level === "none") {
      sent.catch(() => {});
      return records.map(() => ({}));
    }
    const replies = (await sent) ?? [];
    const receipts: PublishReceipt[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const reply = replies[i];
      if (!reply || reply[0]) throw publishFailure(topic, reply?.[0] ?? new Error("no reply"));
      receipts[i] = { position: { partition: 0, offset: reply[1] as string } };
    }
    if (level === "replicated") await waitForReplica(this.target, redis);
    return receipts;
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    const from = options.from ?? StartAt.committed;
    requireStartPosition(this, from, "");
    const keys = this.session.keys(topic);
    // Never created: refused, rather than XGROUP CREATE … MKSTREAM making the stream.
    await this.session.settings(topic);
    const subscription: StreamSubscription = new StreamSubscription(
      this.session,
      topic,
      keys,
      options.group,
      checkPrefetch(options.prefetch),
      this.reporting(handler),
      () => this.subscriptions.delete(subscription),
    );
    await subscription.start(from);
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** XLEN plus the first and last entry ids: a log keeps what was acknowledged until retention drops it. */
  async inspect(topic: string): Promise<TopicState> {
    const { stream } = this.session.keys(topic);
    const redis = await this.session.connection();
    const [stored, first, last] = await Promise.all([
      redis.xlen(stream),
      redis.xrange(stream, "-", "+", "COUNT", 1),
      redis.xrevrange(stream, "+", "-", "COUNT", 1),
    ]);
    return singlePartitionState(topic, stored, { first: first[0]?.[0], last: last[0]?.[0] });
  }

  /**
   * Records the group has not acknowledged: XINFO GROUPS `lag` (entries not yet delivered to the group) plus
   * `pending` (delivered, not acknowledged) — the equivalent of Kafka's log end minus committed offset. Where
   * Redis cannot compute `lag` (null after deletions or a SETID), the entries after last-delivered-id are counted.
   * A group that does not exist yet would start at the beginning: its lag is the whole stream.
   */
  async lag(topic: string, group: string): Promise<GroupLag> {
    const { stream } = this.session.keys(topic);
    const redis = await this.session.connection();
    const groups = ((await redis.xinfo("GROUPS", stream).catch(() => [])) as unknown[]).map(flatToObject);
    const info = groups.find((candidate) => candidate.name === group);
    let total: number;
    if (info === undefined) {
      total = await redis.xlen(stream);
    } else {
      const undelivered =
        typeof info.lag === "number"
          ? info.lag
          : await countAfter(redis, stream, String(info["last-delivered-id"]));
      total = undelivered + Number(info.pending ?? 0);
    }
    return singlePartitionLag(topic, group, total);
  }
}

async function countAfter(redis: Redis, stream: string, lastId: string): Promise<number> {
  let count = 0;
  let start = `(${lastId}`;
  for (;;) {
    const page = await redis.xrange(stream, start, "+", "COUNT", 1000);
    count += page.length;
    const tail = page[page.length - 1]?.[0];
    if (page.length < 1000 || tail === undefined) return count;
    start = `(${tail}`;
  }
}
