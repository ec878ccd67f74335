import { sleep } from "@brokerlab/testing/harness";
import type { AttemptEvent } from "./history.js";
import { publishWithRetry, type RetryPolicy } from "./retrying-publish.js";

export interface SteadyProducerOptions {
  /** Keys `key-0` … `key-(keys-1)`; each key is one lane publishing its records one after another. */
  readonly keys: number;
  /** Records per second over all lanes while the broker keeps up. */
  readonly rate: number;
  /** No new record starts after this (ms since the run started); records under way finish their retries. */
  readonly durationMs: number;
  readonly policy: RetryPolicy;
  /** ms since the run started. */
  readonly now: () => number;
  /** Publishes one record once: `id` is its unique number, carried in the record for readers to match. */
  readonly publish: (id: number, key: string) => Promise<unknown>;
  readonly onAttempt: (event: AttemptEvent) => void;
}

/** How far behind its schedule a lane may fall and still catch up with the ticks it missed. */
const MAX_CATCH_UP_MS = 1_000;

/**
 * Uniquely numbered records at a steady rate over a few keys. Within a key, a record starts only after the
 * previous one was acknowledged or given up, so per-key publish order is number order and a reader that
 * sees a smaller number after a larger one of the same key saw the broker reorder. A lane more than a second
 * behind (blocked in retries during a failover) skips the ticks it missed instead of bursting to catch up.
 */
export async function produceSteadily(options: SteadyProducerOptions): Promise<number> {
  let next = 0;
  const interval = (1000 * options.keys) / options.rate;
  const lane = async (index: number) => {
    const key = `key-${index}`;
    // Lanes start staggered so the records spread evenly over each interval.
    let due = (interval * index) / options.keys;
    for (;;) {
      const now = options.now();
      if (due > now) await sleep(due - now);
      if (options.now() >= options.durationMs) return;
      const id = next++;
      await publishWithRetry(
        () => options.publish(id, key),
        options.policy,
        options.now,
        (attempt) => options.onAttempt({ type: "attempt", id, key, ...attempt }),
      );
      due += interval;
      // Slightly late (a slow attempt, a busy event loop): catch up. Far behind (blocked in retries): skip.
      const late = options.now() - due;
      if (late > MAX_CATCH_UP_MS) due += Math.ceil(late / interval) * interval;
    }
  };
  await Promise.all(Array.from({ length: options.keys }, (_, index) => lane(index)));
  return next;
}
