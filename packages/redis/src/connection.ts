import { ConnectionError, withTimeout } from "@brokerlab/messaging";
import { Redis } from "ioredis";
import type { ResolvedOptions } from "./options.js";

/**
 * Opens one ioredis connection. The first connect fails fast (no retries, bounded by the timeout) with a
 * ConnectionError naming the address; once connected it reconnects with backoff like a service expects.
 */
export async function openConnection(options: ResolvedOptions, name: string): Promise<Redis> {
  let connectedOnce = false;
  const redis = new Redis({
    ...options.endpoint,
    connectionName: name,
    lazyConnect: true,
    connectTimeout: options.connectionTimeoutMs,
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => (connectedOnce ? Math.min(times * 200, 2_000) : null),
  });
  // Failures surface on the commands that fail; without a listener ioredis logs every socket error.
  redis.on("error", () => {});
  redis.on("ready", () => {
    connectedOnce = true;
  });
  try {
    await withTimeout(
      redis.connect(),
      options.connectionTimeoutMs + 1_000,
      `connecting to Redis ${options.address}`,
    );
  } catch (error) {
    redis.disconnect();
    throw connectionError(options.address, error);
  }
  return redis;
}

export function connectionError(address: string, cause: unknown): ConnectionError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const hint = /WRONGPASS|NOAUTH|NOPERM/.test(message)
    ? "check the user and password in the Redis URL"
    : "is Redis running? try `pnpm brokers up`";
  return new ConnectionError(address, hint, cause);
}
