import { randomBytes } from "node:crypto";
import type { MessageRecord, RawPublisher, RawPublisherFactory } from "@brokerlab/messaging";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { encodeJobData } from "../bullmq/job-data.js";
import { encodeItems } from "../list/envelope.js";
import { resolveOptions } from "../options.js";
import type { RedisSettings } from "../redis-settings.js";
import { xaddArguments } from "../stream/stream-entries.js";

/**
 * The raw loops write what the adapter writes (its list items, stream fields and job data, from the same
 * encoders) with the least ioredis / BullMQ needs: one LPUSH per call, pipelined XADDs, one addBulk.
 */

/** A connected ioredis client for a raw loop (`null` retries: what BullMQ requires of its connections). */
export async function connected(
  settings: RedisSettings,
  maxRetriesPerRequest: number | null,
): Promise<Redis> {
  const { endpoint } = resolveOptions(settings);
  const redis = new Redis({ ...endpoint, lazyConnect: true, maxRetriesPerRequest });
  await redis.connect();
  return redis;
}

export const listRawPublisher: RawPublisherFactory<RedisSettings> = {
  async open(settings, { name }): Promise<RawPublisher> {
    const redis = await connected(settings, 1);
    const idPrefix = randomBytes(8).toString("hex");
    let published = 0;
    return {
      async publish(topic: string, records: readonly MessageRecord[]) {
        const items = encodeItems(idPrefix, published, records, Date.now());
        published += records.length;
        await redis.lpush(topic, ...items);
        return records.map(() => ({}));
      },
      ...emptyAndClose(redis, name),
    };
  },
};

export const streamRawPublisher: RawPublisherFactory<RedisSettings> = {
  async open(settings, { name }): Promise<RawPublisher> {
    const redis = await connected(settings, 1);
    return {
      async publish(topic: string, records: readonly MessageRecord[]) {
        const pipeline = redis.pipeline();
        for (const record of records) pipeline.call("xadd", xaddArguments(topic, record));
        const replies = (await pipeline.exec()) ?? [];
        const failed = replies.find(([error]) => error);
        if (failed?.[0]) throw failed[0];
        return records.map(() => ({}));
      },
      ...emptyAndClose(redis, name),
    };
  },
};

export const bullMqRawPublisher: RawPublisherFactory<RedisSettings> = {
  async open(settings, { name }): Promise<RawPublisher> {
    const connection = await connected(settings, null);
    const queue = new Queue(name, { connection });
    return {
      async publish(_topic: string, records: readonly MessageRecord[]) {
        const now = Date.now();
        await queue.addBulk(records.map((record) => ({ name: "record", data: encodeJobData(record, now) })));
        return records.map(() => ({}));
      },
      async empty() {
        await queue.obliterate({ force: true });
        await lazyFreeDone(connection);
      },
      async close() {
        await queue.obliterate({ force: true }).catch(() => {});
        await queue.close();
        connection.disconnect();
      },
    };
  },
};

function emptyAndClose(redis: Redis, key: string): Pick<RawPublisher, "empty" | "close"> {
  return {
    async empty() {
      await redis.del(key);
      await lazyFreeDone(redis);
    },
    async close() {
      await redis.del(key);
      redis.disconnect();
    },
  };
}

/**
 * Waits (at most 10 s) until Redis has no values left to free in the background: it frees UNLINKed values in
 * a thread, which would otherwise take CPU from the next round's first slices.
 */
async function lazyFreeDone(redis: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const info = await redis.info("memory");
    if (/^lazyfree_pending_objects:0\r?$/m.test(info)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
