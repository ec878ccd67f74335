import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./backoff.js";

describe("reconnectDelay", () => {
  const options = { initialDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles from the initial delay and stops at the maximum", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 50].map((attempt) => reconnectDelay(attempt, options, noJitter))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it("takes at most a fifth off at random and never exceeds the maximum", () => {
    expect(reconnectDelay(1, options, () => 1)).toBe(80);
    expect(reconnectDelay(10, options, () => 0.5)).toBe(900);
    for (let attempt = 1; attempt < 20; attempt++) {
      expect(reconnectDelay(attempt, options)).toBeLessThanOrEqual(1_000);
    }
  });
});
