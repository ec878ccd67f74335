import type { TargetDefinition } from "@brokerlab/messaging";
import { bullMqRawPublisher, listRawPublisher, streamRawPublisher } from "./bench/raw-publishers.js";
import { redisBenchmark } from "./bench/redis-benchmark.js";
import { redisCapabilities } from "./capabilities.js";
import { createRedisClient } from "./create-redis-client.js";
import { type RedisSettings, redisSettings } from "./redis-settings.js";

/** Every target this package implements, in the order tables show them. */
export const REDIS_TARGET_DEFINITIONS: readonly TargetDefinition<RedisSettings>[] = [
  {
    id: "redis-list",
    broker: "redis",
    description: "LIST reliable queue through ioredis (LMOVE/BLMOVE to a processing list)",
    capabilities: redisCapabilities["redis-list"],
    settings: redisSettings,
    createClient: (settings) => createRedisClient("redis-list", settings),
    bench: { rawPublisher: listRawPublisher, nativeTool: redisBenchmark("LPUSH") },
  },
  {
    id: "redis-stream",
    broker: "redis",
    description: "Streams through ioredis: XADD, consumer groups, XACK, pending entries, XAUTOCLAIM",
    capabilities: redisCapabilities["redis-stream"],
    settings: redisSettings,
    createClient: (settings) => createRedisClient("redis-stream", settings),
    bench: { rawPublisher: streamRawPublisher, nativeTool: redisBenchmark("XADD") },
  },
  {
    id: "bullmq",
    broker: "redis",
    description: "BullMQ job queue on Redis: attempts, backoff, completed/failed sets",
    capabilities: redisCapabilities.bullmq,
    settings: redisSettings,
    createClient: (settings) => createRedisClient("bullmq", settings),
    bench: {
      rawPublisher: bullMqRawPublisher,
      nativeTool: redisBenchmark(
        "LPUSH",
        "BullMQ has no benchmark tool of its own: Redis LPUSH is the ceiling shown",
      ),
    },
  },
];
