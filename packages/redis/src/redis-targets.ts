import type {
  NativeTool,
  RawConsumerFactory,
  RawPublisherFactory,
  TargetDefinition,
} from "@brokerlab/messaging";
import { bullMqRawConsumer, listRawConsumer, streamRawConsumer } from "./bench/raw-consumers.js";
import { bullMqRawPublisher, listRawPublisher, streamRawPublisher } from "./bench/raw-publishers.js";
import { redisBenchmark } from "./bench/redis-benchmark.js";
import { redisCapacity } from "./bench/redis-capacity.js";
import { redisMemory } from "./bench/redis-memory.js";
import { type RedisTarget, redisCapabilities, redisCapabilitiesIn } from "./capabilities.js";
import { createRedisClient } from "./create-redis-client.js";
import { type RedisSettings, redisSettings } from "./redis-settings.js";

function redisTarget(
  id: RedisTarget,
  description: string,
  raw: { publisher: RawPublisherFactory<RedisSettings>; consumer: RawConsumerFactory<RedisSettings> },
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
    bench: {
      rawPublisher: raw.publisher,
      rawConsumer: raw.consumer,
      nativeTool,
      brokerMemory: redisMemory,
      capacity: redisCapacity,
    },
  };
}

/** Every target this package implements, in the order tables show them. */
export const REDIS_TARGET_DEFINITIONS: readonly TargetDefinition<RedisSettings>[] = [
  redisTarget(
    "redis-list",
    "LIST reliable queue through ioredis (LMOVE/BLMOVE to a processing list)",
    { publisher: listRawPublisher, consumer: listRawConsumer },
    redisBenchmark("LPUSH"),
  ),
  redisTarget(
    "redis-stream",
    "Streams through ioredis: XADD, consumer groups, XACK, pending entries, XAUTOCLAIM",
    { publisher: streamRawPublisher, consumer: streamRawConsumer },
    redisBenchmark("XADD"),
  ),
  redisTarget(
    "bullmq",
    "BullMQ job queue on Redis: attempts, backoff, completed/failed sets",
    { publisher: bullMqRawPublisher, consumer: bullMqRawConsumer },
    redisBenchmark("LPUSH", "BullMQ has no benchmark tool of its own: Redis LPUSH is the ceiling shown"),
  ),
];
