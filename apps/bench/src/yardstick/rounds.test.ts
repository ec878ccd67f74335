import { describe, expect, it } from "vitest";
import { roundCpuRatio, roundOrder, roundRatio, roundsFor, sliceRecords } from "./rounds.js";

describe("yardstick rounds", () => {
  it("alternates the paths within a round and mirrors every other round", () => {
    expect(roundOrder(0, true)).toEqual(["adapter", "raw", "raw", "adapter"]);
    expect(roundOrder(1, true)).toEqual(["raw", "adapter", "adapter", "raw"]);
    expect(roundOrder(1, false)).toEqual(["adapter", "adapter"]);
    expect(roundsFor(60, 1)).toBe(30);
    expect(roundsFor(1, 1)).toBe(1);
  });

  it("takes adapter ÷ raw of a round from its slices' means", () => {
    expect(roundRatio({ adapter: [900, 1100], raw: [1000, 1000] })).toBe(1);
    expect(roundRatio({ adapter: [450], raw: [500] })).toBeCloseTo(0.9);
    expect(roundRatio({ adapter: [450], raw: [] })).toBeUndefined();
  });

  it("fills for the slower path's second, at least the minimum", () => {
    expect(sliceRecords([40_000, 25_000], 1, 2_000)).toBe(25_000);
    expect(sliceRecords([0, 0], 1, 2_000)).toBe(2_000);
    expect(sliceRecords([1_000], 1, 2_000)).toBe(2_000);
  });

  it("takes a round's CPU per record adapter ÷ raw over all its slices", () => {
    const adapter = [
      { rate: 1000, micros: 30_000, records: 1000 },
      { rate: 1000, micros: 10_000, records: 1000 },
    ];
    const raw = [{ rate: 1000, micros: 40_000, records: 2000 }];
    expect(roundCpuRatio({ adapter, raw })).toBe(1);
    expect(roundCpuRatio({ adapter, raw: [] })).toBeUndefined();
  });
});
