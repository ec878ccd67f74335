import type { Redis } from "ioredis";

/**
 * Runs a Lua script with EVAL. Redis caches the compiled script by its hash, so resending the short text costs
 * only bytes; Buffer replies keep binary list items intact.
 */
export function runScript(
  redis: Redis,
  script: string,
  keys: readonly string[],
  args: readonly (string | number | Buffer)[],
): Promise<unknown> {
  return redis.callBuffer("EVAL", script, keys.length, ...keys, ...args);
}
