import type { ConnectionOptions as TlsOptions } from "node:tls";
import { type Deployment, type HandlerErrorReporter, InvalidArgumentError } from "@brokerlab/messaging";

export interface RedisClientOptions {
  /** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS. Credentials go in the URL. */
  readonly url: string;
  /** Extra TLS settings (CA, client certificate, servername); implies TLS even with `redis://`. */
  readonly tls?: TlsOptions;
  /**
   * Sentinels (`host:port`) to ask for the primary instead of the URL's host: the client follows a
   * promotion. The URL still gives credentials and database. Needs `sentinelMaster`.
   */
  readonly sentinels?: readonly string[];
  /** The Sentinel master name (e.g. `brokerlab`). */
  readonly sentinelMaster?: string;
  /** Which deployment Redis is: decides the durability levels the client declares. Default single. */
  readonly deployment?: Deployment;
  /** How long the first connect may take before failing with ConnectionError. Default 5000. */
  readonly connectionTimeoutMs?: number;
  /** Prefix of every key this client writes. Default `brokerlab`. */
  readonly keyPrefix?: string;
  /**
   * When an unacknowledged record counts as abandoned and is handed to another consumer. Default 30000.
   * redis-list: TTL of a consumer's heartbeat key; redis-stream: XAUTOCLAIM min-idle time;
   * bullmq: the job lock duration (the stalled checker runs every half of it).
   */
  readonly abandonedAfterMs?: number;
  /** Called when a subscription's handler throws. Default: one line on stderr. */
  readonly onHandlerError?: HandlerErrorReporter;
}

/** Connection fields shared by our ioredis connections and the ones BullMQ opens. */
export interface RedisEndpoint {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db: number;
  readonly tls?: TlsOptions;
  /** With Sentinel: ioredis asks these for the primary named `name` (host and port are then unused). */
  readonly sentinels?: { host: string; port: number }[];
  readonly name?: string;
}

export interface ResolvedOptions {
  /** `host:port`, printable (never the credentials). */
  readonly address: string;
  readonly endpoint: RedisEndpoint;
  readonly connectionTimeoutMs: number;
  readonly keyPrefix: string;
  readonly abandonedAfterMs: number;
  readonly onHandlerError?: HandlerErrorReporter;
  readonly deployment: Deployment;
}

/** Validates the options and splits the URL into connection fields; pure, so it is unit tested. */
export function resolveOptions(options: RedisClientOptions): ResolvedOptions {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new InvalidArgumentError(`Redis url "${options.url}" is not a URL; use redis://host:6379`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new InvalidArgumentError(
      `Redis url must start with redis:// or rediss://, got "${url.protocol}//"`,
    );
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1";
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) {
    throw new InvalidArgumentError(`Redis url database "${dbText}" is not a number; use redis://host:6379/0`);
  }
  const tls = url.protocol === "rediss:" || options.tls ? { ...options.tls } : undefined;
  const endpoint: RedisEndpoint = {
    host,
    port,
    db,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(tls ? { tls } : {}),
  };
  const sentinels = (options.sentinels ?? []).map((address) => {
    const match = /^(.+):(\d{1,5})$/.exec(address);
    if (!match?.[1])
      throw new InvalidArgumentError(`Redis sentinel "${address}" is not host:port (e.g. 127.0.0.1:26391)`);
    return { host: match[1], port: Number(match[2]) };
  });
  if (sentinels.length > 0 && !options.sentinelMaster) {
    throw new InvalidArgumentError("Redis sentinels need the master name (BROKERLAB_CLUSTER_REDIS_MASTER)");
  }
  const keyPrefix = options.keyPrefix ?? "brokerlab";
  if (!/^[A-Za-z0-9._-]+$/.test(keyPrefix)) {
    throw new InvalidArgumentError(
      `keyPrefix "${keyPrefix}" may only contain letters, digits, ".", "_" and "-"`,
    );
  }
  return {
    deployment: options.deployment ?? "single",
    address:
      sentinels.length > 0
        ? `sentinel master ${options.sentinelMaster} via ${options.sentinels?.join(",")}`
        : `${host.includes(":") ? `[${host}]` : host}:${port}`,
    endpoint: sentinels.length > 0 ? { ...endpoint, sentinels, name: options.sentinelMaster } : endpoint,
    connectionTimeoutMs: positive(options.connectionTimeoutMs, 5_000, "connectionTimeoutMs"),
    keyPrefix,
    abandonedAfterMs: positive(options.abandonedAfterMs, 30_000, "abandonedAfterMs"),
    ...(options.onHandlerError ? { onHandlerError: options.onHandlerError } : {}),
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidArgumentError(`${name} must be a positive number`);
  return value;
}
