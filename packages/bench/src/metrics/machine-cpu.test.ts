import { describe, expect, it } from "vitest";
import { busyPercentBetween, machineCpuTimes } from "./machine-cpu.js";

describe("machine CPU", () => {
  it("gives the busy share of all cores between two readings", () => {
    expect(busyPercentBetween({ busyMs: 100, totalMs: 1000 }, { busyMs: 850, totalMs: 2000 })).toBe(75);
    expect(busyPercentBetween({ busyMs: 5, totalMs: 10 }, { busyMs: 5, totalMs: 10 })).toBe(0);
  });

  it("reads this machine's counters, which only grow", () => {
    const first = machineCpuTimes();
    let spin = 0;
    for (let i = 0; i < 5_000_000; i++) spin += i;
    const second = machineCpuTimes();
    expect(spin).toBeGreaterThan(0);
    expect(second.totalMs).toBeGreaterThanOrEqual(first.totalMs);
    expect(second.busyMs).toBeGreaterThanOrEqual(first.busyMs);
  });
});
