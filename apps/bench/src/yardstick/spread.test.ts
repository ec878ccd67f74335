import { describe, expect, it } from "vitest";
import { spreadOf } from "./spread.js";

describe("spreadOf", () => {
  it("gives quartiles and the median of per-round values", () => {
    expect(spreadOf([0.9, 1.0, 1.1, 1.0, 0.95])).toEqual({
      p25: 0.95,
      median: 1,
      p75: 1,
      relative: 0.05,
      quotable: true,
    });
  });

  it("says a median is not quotable when the middle half of the rounds spans more than 20 % of it", () => {
    // ProducerPerformance at 88k in one round and 182k in another: the ratio swings 2×.
    const spread = spreadOf([0.26, 0.55, 0.3, 0.5, 0.4]);
    expect(spread?.median).toBe(0.4);
    expect(spread?.quotable).toBe(false);
  });

  it("has nothing to say about no rounds", () => {
    expect(spreadOf([])).toBeUndefined();
  });
});
