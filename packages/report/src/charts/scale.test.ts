import { describe, expect, it } from "vitest";
import { formatTick, linearTicks, logTicks, makeScale } from "./scale.js";

describe("linearTicks", () => {
  it("picks round steps that cover the data", () => {
    expect(linearTicks(0, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("widens a single value into a range", () => {
    const ticks = linearTicks(5, 5);
    expect(ticks[0]).toBeLessThanOrEqual(5);
    expect(ticks.at(-1)).toBeGreaterThan(5);
  });
});

describe("logTicks", () => {
  it("puts a tick on every power of ten across many decades", () => {
    expect(logTicks(3, 4000)).toEqual([1, 10, 100, 1000, 10000]);
  });

  it("adds 2 and 5 multiples over two decades or less", () => {
    expect(logTicks(1.5, 80)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it("thins powers when the range spans more than eight decades", () => {
    const ticks = logTicks(0.001, 1e9);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toBe(0.001);
    expect(ticks.at(-1)).toBe(1e9);
  });
});

describe("makeScale", () => {
  it("maps a log domain evenly per decade and ignores non-positive values", () => {
    const scale = makeScale([0, 1, 1000], [0, 300], { log: true });
    expect(scale.domain).toEqual([1, 1000]);
    expect(scale.map(10)).toBeCloseTo(100);
    expect(scale.map(100)).toBeCloseTo(200);
  });
});

describe("formatTick", () => {
  it("shortens large numbers", () => {
    expect(formatTick(25_000)).toBe("25k");
    expect(formatTick(2_000_000)).toBe("2M");
    expect(formatTick(0.25)).toBe("0.25");
    expect(formatTick(1000)).toBe("1000");
  });
});
