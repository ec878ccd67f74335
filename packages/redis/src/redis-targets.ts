import type { NativeTool, RawPublisherFactory, TargetDefinition } from "@brokerlab/messaging";
import { bullMqRawPublisher, listRawPublisher, streamRawPublisher } from "./bench/raw-publishers.js";
import { redisBenchmark } from "./bench/redis-benchmark.js";
import { type RedisTarget, redisCapabilities, redisCapabilitiesIn } from "./capabilities.js";
import { createRedisClient } from "./create-redis-client.js";
import { type RedisSettings, redisSettings } from "./redis-settings.js";

function redisTarget(
  id: RedisTarget,
  description: string,
  rawPublisher: RawPublisherFactory<RedisSettings>,
  nativeTool: NativeTool<RedisSettings>,
): TargetDefinition<RedisSettings> {
  return {
    id,
    broker: "redis",
    description,
    capabilities: redisCapabilities[id],
    capabilitiesIn: (deployment) => redisCapabilitiesIn(id, deployment),
    settings: redisSettings,
    createClient: (settings) => createRedisClient(id, settings),
    bench: { rawPublisher, nativeTool },
  };
}

/** Every target this package implements, in the order tables show them. */
export const REDIS_TARGET_DEFINITIONS: readonly TargetDefinition<RedisSettings>[] = [
  redisTarget(
    "redis-list",
    "LIST reliable queue through ioredis (LMOVE/BLMOVE to a processing list)",
    listRawPublisher,
    redisBenchmark("LPUSH"),
  ),
  redisTarget(
    "redis-stream",
    "Streams through ioredis: XADD, consumer groups, XACK, pending entries, XAUTOCLAIM",
    streamRawPublisher,
    redisBenchmark("XADD"),
  ),
  redisTarget(
    "bullmq",
    "BullMQ job queue on Redis: attempts, backoff, completed/failed sets",
    bullMqRawPublisher,
    redisBenchmark("LPUSH", "BullMQ has no benchmark tool of its own: Redis LPUSH is the ceiling shown"),
  ),
];
