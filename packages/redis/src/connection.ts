import { ConnectionError, connectionCause, connectionCauseHint, withTimeout } from "@brokerlab/messaging";
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
  // Failures surface on the commands that fail; without a listener ioredis logs every socket error. The
  // socket's own error is kept: a failed connect() only says "Connection is closed".
  let socketError: unknown;
  redis.on("error", (error: unknown) => {
    if (!connectedOnce) socketError = error;
  });
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
    throw connectionError(options.address, socketError ?? error, options.endpoint.tls !== undefined);
  }
  return redis;
}

export function connectionError(address: string, cause: unknown, tls = false): ConnectionError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/WRONGPASS|NOAUTH|NOPERM/.test(message)) {
    return new ConnectionError(address, "Redis refused the user or password in the URL; check them", cause);
  }
  const socket = connectionCause(cause);
  const hint =
    socket === undefined
      ? "is Redis running? try `pnpm brokers up`"
      : connectionCauseHint(socket, "Redis", tls);
  return new ConnectionError(address, hint, cause);
}
