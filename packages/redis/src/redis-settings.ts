import type { ConnectionSource } from "@brokerlab/messaging";

/** Where the Redis server is: what every Redis target connects with. */
export interface RedisSettings {
  /** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS. */
  readonly url: string;
}

const DEFAULT_URL = "redis://127.0.0.1:6379";

/** BROKERLAB_REDIS_URL (default redis://127.0.0.1:6379). */
export function redisSettings(source: ConnectionSource): RedisSettings {
  return { url: source.env.BROKERLAB_REDIS_URL || DEFAULT_URL };
}
