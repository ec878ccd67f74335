export { REDIS_TARGETS, type RedisTarget, redisCapabilities, redisCapabilitiesIn } from "./capabilities.js";
export { createRedisClient } from "./create-redis-client.js";
export { type RecognisedKey, recogniseKey } from "./keys.js";
export type { RedisClientOptions } from "./options.js";
export { type RedisSettings, redisSettings } from "./redis-settings.js";
export { REDIS_TARGET_DEFINITIONS } from "./redis-targets.js";
