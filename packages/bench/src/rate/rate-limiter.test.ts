import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  it("releases messages on a fixed schedule and records their intended times", () => {
    const limiter = new RateLimiter(1000, 0);
    expect(limiter.take(0, 100)).toEqual([0]);
    expect(limiter.take(0.5, 100)).toEqual([]);
    expect(limiter.nextIntendedMs()).toBe(1);
    expect(limiter.take(3, 100)).toEqual([1, 2, 3]);
  });

  it("keeps the schedule when the caller falls behind, so the delay stays visible", () => {
    const limiter = new RateLimiter(100, 1000);
    // 50 ms late: five messages were due, the oldest intended at 1000.
    const times = limiter.take(1040, 100);
    expect(times).toEqual([1000, 1010, 1020, 1030, 1040]);
    expect(1040 - (times[0] ?? 0)).toBe(40);
  });

  it("hands out at most `max` per call and the rest on the next one", () => {
    const limiter = new RateLimiter(1000, 0);
    expect(limiter.take(9, 4)).toHaveLength(4);
    expect(limiter.take(9, 100)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it("treats rate 0 as unlimited", () => {
    const limiter = new RateLimiter(0, 0);
    expect(limiter.take(5, 3)).toEqual([5, 5, 5]);
    expect(limiter.nextIntendedMs()).toBe(5);
  });

  it("restarts the schedule on a rate change", () => {
    const limiter = new RateLimiter(10, 0);
    limiter.take(1000, 100);
    limiter.setRate(1000, 2000);
    expect(limiter.take(2002, 100)).toEqual([2000, 2001, 2002]);
  });
});
