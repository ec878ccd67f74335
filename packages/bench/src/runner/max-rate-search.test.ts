import { describe, expect, it } from "vitest";
import { MaxRateSearch } from "./max-rate-search.js";

/** A pretend broker that keeps up with anything up to `capacity` messages per second. */
function simulate(capacity: number, search: MaxRateSearch): number {
  for (let rate = search.next(); rate !== undefined; rate = search.next()) {
    const handled = Math.min(rate, capacity);
    search.record({
      rate,
      publishRate: handled,
      consumeRate: handled,
      backlogAfter: (rate - handled) * 2,
      backlogGrowth: rate - handled,
    });
  }
  return search.result();
}

describe("MaxRateSearch", () => {
  it("doubles, then bisects to within the precision below the capacity", () => {
    const search = new MaxRateSearch({ startRate: 1000, precision: 1.1, maxSteps: 30 });
    const found = simulate(12_000, search);
    expect(found).toBeLessThanOrEqual(12_000);
    expect(found).toBeGreaterThan(12_000 / 1.1);
    expect(search.steps.slice(0, 5).map((step) => step.rate)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("steps down when even the start rate is too much", () => {
    const search = new MaxRateSearch({ startRate: 1000, maxSteps: 30 });
    const found = simulate(300, search);
    // "Sustained" tolerates 5 % shortfall, so the result may sit up to 1/0.95 above capacity.
    expect(found).toBeLessThanOrEqual(300 / 0.95);
    expect(found).toBeGreaterThan(100);
  });

  it("stops after maxSteps", () => {
    const search = new MaxRateSearch({ startRate: 1, maxSteps: 3 });
    simulate(1_000_000, search);
    expect(search.steps).toHaveLength(3);
    expect(search.result()).toBe(4);
  });

  it("counts a step as sustained only if publishes and consumers keep up", () => {
    const step = { rate: 1000, publishRate: 990, consumeRate: 980, backlogAfter: 100, backlogGrowth: 50 };
    expect(MaxRateSearch.isSustained(step)).toBe(true);
    expect(MaxRateSearch.isSustained({ ...step, publishRate: 900 })).toBe(false);
    expect(MaxRateSearch.isSustained({ ...step, backlogAfter: 800 })).toBe(false);
  });

  it("fails a step whose consumers fall behind even when publishing keeps up (OMB #163)", () => {
    // The redis-stream case from the issue: 56k offered and published, 41k consumed.
    const step = {
      rate: 56_000,
      publishRate: 56_000,
      consumeRate: 41_000,
      backlogAfter: 20_000,
      backlogGrowth: 0,
    };
    expect(MaxRateSearch.isSustained(step)).toBe(false);
    // A backlog still growing at the end of the step fails it too, though the step's average consume looks fine.
    const growing = {
      rate: 10_000,
      publishRate: 10_000,
      consumeRate: 9_700,
      backlogAfter: 4_000,
      backlogGrowth: 3_000,
    };
    expect(MaxRateSearch.isSustained(growing)).toBe(false);
  });

  it("withdraws a rate when a later look at it does not hold, falling to the highest sustained below", () => {
    // The redis-stream run of 1-topic-3-partition-100b-3producers: 8,000/s held for a 3 s step, the 5 s warm-up
    // at 8,000/s then consumed 4,000/s with the backlog growing every second.
    const search = new MaxRateSearch({ startRate: 1000 });
    const held = (rate: number) => ({
      rate,
      publishRate: rate,
      consumeRate: rate,
      backlogAfter: 0,
      backlogGrowth: 0,
    });
    for (const rate of [1000, 2000, 4000, 8000]) search.record(held(rate));
    search.record({
      rate: 16_000,
      publishRate: 15_000,
      consumeRate: 7_000,
      backlogAfter: 24_000,
      backlogGrowth: 16_000,
    });
    expect(search.result()).toBe(8000);
    const warmup = search.record({
      rate: 8000,
      publishRate: 8000,
      consumeRate: 4500,
      backlogAfter: 16_000,
      backlogGrowth: 14_000,
    });
    expect(warmup.sustained).toBe(false);
    expect(search.result()).toBe(4000);
    // Confirmed at 4,000/s: the result stays.
    expect(search.record(held(4000)).sustained).toBe(true);
    expect(search.result()).toBe(4000);
  });
});
