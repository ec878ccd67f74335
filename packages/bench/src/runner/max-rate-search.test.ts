import { describe, expect, it } from "vitest";
import { MaxRateSearch } from "./max-rate-search.js";

/** A pretend broker that keeps up with anything up to `capacity` messages per second. */
function simulate(capacity: number, search: MaxRateSearch): number {
  for (let rate = search.next(); rate !== undefined; rate = search.next()) {
    const handled = Math.min(rate, capacity);
    search.record({ rate, publishRate: handled, consumeRate: handled, backlogAfter: (rate - handled) * 2 });
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
    expect(MaxRateSearch.isSustained(1000, 990, 100)).toBe(true);
    expect(MaxRateSearch.isSustained(1000, 900, 0)).toBe(false);
    expect(MaxRateSearch.isSustained(1000, 1000, 800)).toBe(false);
  });
});
