import { describe, expect, it } from "vitest";
import type { AttemptEvent } from "./history.js";
import { produceSteadily } from "./steady-producer.js";

function clock(): () => number {
  const t0 = performance.now();
  return () => performance.now() - t0;
}

describe("produceSteadily", () => {
  it("numbers records uniquely, spreads them over the keys and publishes each key's records in number order", async () => {
    const events: AttemptEvent[] = [];
    const inFlight = new Set<string>();
    let overlapped = false;
    const total = await produceSteadily({
      keys: 3,
      rate: 300,
      durationMs: 200,
      policy: {
        attemptTimeoutMs: 100,
        deadlineMs: 100,
        initialBackoffMs: 1,
        maxBackoffMs: 1,
        maxAttempts: 3,
      },
      now: clock(),
      publish: async (id, key) => {
        if (inFlight.has(key)) overlapped = true;
        inFlight.add(key);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight.delete(key);
        if (id % 5 === 0) throw new Error("flaky");
      },
      onAttempt: (event) => events.push(event),
    });
    expect(overlapped).toBe(false);
    const ids = new Set(events.map((e) => e.id));
    expect(ids.size).toBe(total);
    // Never more than rate × duration (plus the first tick); how far a slow machine falls behind is not this
    // test's business, and the key checks below already need a record on every key.
    expect(total).toBeLessThanOrEqual(63);
    expect(new Set(events.map((e) => e.key))).toEqual(new Set(["key-0", "key-1", "key-2"]));
    for (const key of ["key-0", "key-1", "key-2"]) {
      const firsts = events.filter((e) => e.key === key && e.attempt === 1).map((e) => e.id);
      expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    }
    const retried = events.filter((e) => e.id % 5 === 0);
    expect(retried.every((e) => e.outcome === "unknown" || e.outcome === "ok")).toBe(true);
    expect(events.filter((e) => e.id === 0).map((e) => e.attempt)).toEqual([1, 2, 3]);
  });
});
