export { REDIS_TARGETS, type RedisTarget, redisCapabilities } from "./capabilities.js";
export { createRedisClient } from "./create-redis-client.js";
export type { RedisClientOptions } from "./options.js";
