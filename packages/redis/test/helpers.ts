import type { MessagingClient } from "@brokerlab/messaging";
import { numberedRecords, useClient as useTestClient } from "@brokerlab/testing";
import { createRedisClient, type RedisClientOptions, type RedisTarget } from "../src/index.js";

export { consume, eventually, sleep, uniqueName, useTopic } from "@brokerlab/testing";

export const REDIS_URL = process.env.BROKERLAB_REDIS_URL || "redis://127.0.0.1:6379";

/** A connected client of the shared Redis, closed when the test finishes. */
export function useClient(
  target: RedisTarget,
  options: Partial<RedisClientOptions> = {},
): Promise<MessagingClient> {
  return useTestClient(() => createRedisClient(target, { url: REDIS_URL, ...options }));
}

/** Records key-n / record-n with header n, numbered from `from`. */
export const records = (count: number, from = 0) => numberedRecords(count, { from });
