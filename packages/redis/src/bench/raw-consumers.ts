import type { RawConsumer, RawConsumerFactory, RawRecordHandler } from "@brokerlab/messaging";
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { decodeJobData, type JobData } from "../bullmq/job-data.js";
import { decodeItem } from "../list/envelope.js";
import { MOVE_OLDEST } from "../list/scripts.js";
import type { RedisSettings } from "../redis-settings.js";
import { runScript } from "../run-script.js";
import { createGroup } from "../stream/create-group.js";
import { parseRead } from "../stream/stream-entries.js";
import { connected } from "./raw-publishers.js";

/**
 * The raw loops read what the raw publishers wrote (decoded with the adapter's decoders) and acknowledge it as
 * the adapter does, with the least ioredis / BullMQ needs: one connection, one round trip per batch, the batch's
 * acknowledgement sent ahead of the next read on the same connection; none of the adapters' delivery counts,
 * heartbeats, claims or Delivery objects.
 */

/** Milliseconds (seconds for BLMOVE) one blocking read waits when there is nothing: close() waits that long. */
const BLOCK_MS = 1_000;

/** Items the loop holds at once: handled in order, acknowledged together. */
async function handleAll<T>(
  items: readonly T[],
  value: (item: T) => Buffer,
  handler: RawRecordHandler,
): Promise<void> {
  for (const item of items) {
    const held = handler(value(item));
    if (held !== undefined) await held;
  }
}

/** The loop of one raw consumer: `step` reads, handles and acknowledges one batch; close stops it after one. */
function loop(redis: Redis, step: () => Promise<void>): RawConsumer {
  let stopping = false;
  const running = (async () => {
    while (!stopping) {
      try {
        await step();
      } catch {
        if (!stopping) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  })();
  return {
    async close() {
      stopping = true;
      await running;
      // The last batch's acknowledgement went out ahead of the read that ended the loop; this waits for it.
      await redis.ping();
      redis.disconnect();
    },
  };
}

/** XREADGROUP COUNT prefetch, then one XACK with the batch's ids. */
export const streamRawConsumer: RawConsumerFactory<RedisSettings> = {
  async open(settings, { name, group, prefetch }, handler): Promise<RawConsumer> {
    const redis = await connected(settings, 1);
    await createGroup(redis, name, group, "0");
    return loop(redis, async () => {
      const reply = await redis.callBuffer(
        ...["XREADGROUP", "GROUP", group, "raw", "COUNT", prefetch, "BLOCK", BLOCK_MS],
        ...["STREAMS", name, ">"],
      );
      const entries = parseRead(reply);
      if (entries.length === 0) return;
      await handleAll(entries, (entry) => entry.value, handler);
      void redis.xack(name, group, ...entries.map((entry) => entry.id)).catch(() => {});
    });
  },
};

/** KEYS: queue, processing. ARGV[1]: most items. The oldest items moved to the processing list, in one call. */
const MOVE = `${MOVE_OLDEST}
return items`;

/** KEYS: processing. ARGV: items. Each acknowledged item removed from the processing list, in one call. */
const REMOVE = `
for i = 1, #ARGV do redis.call('LREM', KEYS[1], -1, ARGV[i]) end
return #ARGV`;

/**
 * The adapter's fetch: up to prefetch items moved to a processing list in one script call, BLMOVE when the
 * queue is empty; acknowledged items removed with LREM (from the tail), all of a batch in one script call.
 */
export const listRawConsumer: RawConsumerFactory<RedisSettings> = {
  async open(settings, { name, prefetch }, handler): Promise<RawConsumer> {
    const redis = await connected(settings, 1);
    const processing = `${name}:processing`;
    return loop(redis, async () => {
      let items = (await runScript(redis, MOVE, [name, processing], [prefetch])) as Buffer[];
      if (items.length === 0) {
        const item = await redis.blmoveBuffer(name, processing, "RIGHT", "LEFT", BLOCK_MS / 1000);
        if (item === null) return;
        items = [item];
      }
      await handleAll(items, (item) => decodeItem(item).value, handler);
      void runScript(redis, REMOVE, [processing], items).catch(() => {});
    });
  },
};

/** A BullMQ Worker with the prefetch as concurrency; a job completes when its processor resolves. */
export const bullMqRawConsumer: RawConsumerFactory<RedisSettings> = {
  async open(settings, { name, prefetch }, handler): Promise<RawConsumer> {
    const connection = await connected(settings, null);
    const worker = new Worker<JobData>(
      name,
      async (job) => {
        const held = handler(decodeJobData(job.data).value);
        if (held !== undefined) await held;
      },
      { connection, concurrency: prefetch },
    );
    worker.on("error", () => {});
    await worker.waitUntilReady();
    return {
      async close() {
        await worker.close();
        connection.disconnect();
      },
    };
  },
};
