import { describe, expect, it } from "vitest";
import { LagTable, lagSecondsFrom } from "./lag-table.js";

describe("lag in seconds (kafka-lag-exporter's interpolation)", () => {
  const points = [
    { offset: 100, time: 10_000 },
    { offset: 200, time: 20_000 },
    { offset: 400, time: 30_000 },
  ];

  it("is 0 at or past the log end", () => {
    expect(lagSecondsFrom(points, 400, 35_000)).toBe(0);
    expect(lagSecondsFrom(points, 450, 35_000)).toBe(0);
  });

  it("is absent with fewer than two points", () => {
    expect(lagSecondsFrom([{ offset: 100, time: 1 }], 50, 10)).toBeUndefined();
    expect(lagSecondsFrom([], 50, 10)).toBeUndefined();
  });

  it("interpolates between the two points around the offset", () => {
    // The log end passed 300 half way between 20 s and 30 s: 25 s; at 35 s the group is 10 s behind.
    expect(lagSecondsFrom(points, 300, 35_000)).toBe(10);
    expect(lagSecondsFrom(points, 150, 35_000)).toBe(20);
  });

  it("extrapolates along the first-to-last trend below the table", () => {
    // 300 offsets in 20 s: offset 40 was reached 4 s before 10 s.
    expect(lagSecondsFrom(points, 40, 30_000)).toBe(24);
  });

  it("never goes below 0", () => {
    expect(lagSecondsFrom(points, 300, 20_000)).toBe(0);
  });

  it("the table keeps increasing points only, compresses flat stretches and is bounded", () => {
    const table = new LagTable(3);
    table.add({ offset: 10, time: 1 });
    table.add({ offset: 5, time: 2 });
    table.add({ offset: 10, time: 1 });
    expect(table.size()).toBe(1);
    table.add({ offset: 10, time: 2 });
    table.add({ offset: 10, time: 3 });
    expect(table.size()).toBe(2);
    // Still flat from time 1 to 3: the group at 10 is caught up; at 5 it is extrapolation off a flat line.
    expect(table.lagSeconds(10, 4)).toBe(0);
    table.add({ offset: 20, time: 4 });
    table.add({ offset: 30, time: 5 });
    expect(table.size()).toBe(3);
    expect(table.lagSeconds(20, 5_000)).toBeCloseTo(4.996);
  });
});
