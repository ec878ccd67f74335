import { describe, expect, it } from "vitest";
import { spreadNote, spreadOf } from "./spread.js";

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

describe("spreadNote", () => {
  it("quotes a tight median with its middle half", () => {
    const spread = { p25: 0.95, median: 1, p75: 1, relative: 0.05, quotable: true };
    expect(spreadNote("adapter ÷ raw", spread)).toBe(
      "adapter ÷ raw: median 1, middle half of the rounds 0.95–1",
    );
  });

  it("says when the middle half is too wide to quote", () => {
    const spread = { p25: 0.6, median: 0.8, p75: 1, relative: 0.5, quotable: false };
    expect(spreadNote("adapter ÷ native", spread)).toBe(
      "adapter ÷ native: median 0.8, middle half of the rounds 0.6–1 — too wide to quote (±25 %)",
    );
  });
});
