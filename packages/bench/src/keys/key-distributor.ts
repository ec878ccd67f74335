import type { KeyDistributorType } from "../workload/workload.js";

/** Picks the key of each message, as OMB's distributors do. */
export interface KeyDistributor {
  next(): string | null;
}

/** OMB draws keys from a fixed pool; 10 000 distinct keys spread over any partition count. */
export const KEY_POOL_SIZE = 10_000;

/** A deterministic pool of short distinct keys (`k00000` …), so runs are repeatable. */
export function keyPool(size = KEY_POOL_SIZE): string[] {
  return Array.from({ length: size }, (_, i) => `k${i.toString().padStart(5, "0")}`);
}

/**
 * `NO_KEY`: every key null (the broker spreads records). `KEY_ROUND_ROBIN`: cycles through the pool.
 * `RANDOM_NANO`: a key picked by the high-resolution clock, i.e. effectively random.
 */
export function createKeyDistributor(
  type: KeyDistributorType,
  pool: readonly string[] = keyPool(),
  clockNs: () => bigint = process.hrtime.bigint,
): KeyDistributor {
  switch (type) {
    case "NO_KEY":
      return { next: () => null };
    case "KEY_ROUND_ROBIN": {
      let index = 0;
      return {
        next: () => {
          const key = pool[index] ?? null;
          index = (index + 1) % pool.length;
          return key;
        },
      };
    }
    case "RANDOM_NANO":
      return { next: () => pool[Number(clockNs() % BigInt(pool.length))] ?? null };
  }
}
