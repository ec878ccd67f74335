import { describe, expect, it } from "vitest";
import { CpuMeter, mainThreadTicks } from "./cpu-meter.js";

describe("CpuMeter", () => {
  it("reads utime + stime of a thread from its /proc stat line, whatever its name holds", () => {
    const stat = "4242 (node (worker) x) R 1 4242 4242 0 -1 4194304 1200 0 0 0 731 52 0 0 20 0 11 0";
    expect(mainThreadTicks(stat)).toBe(783);
  });

  it("counts the CPU a busy loop spends, on the process and on its JavaScript thread", () => {
    const meter = new CpuMeter();
    meter.start();
    // Bounded by CPU time, not wall time: a loaded machine stretches the wall clock, not this.
    const begin = process.cpuUsage();
    let spent = 0;
    while (spent < 200_000) {
      const used = process.cpuUsage(begin);
      spent = used.user + used.system;
    }
    meter.stop();
    const summary = meter.summary(1);
    expect(summary.usPerRecord).toBeGreaterThanOrEqual(200_000);
    expect(summary.percentOfOneCore).toBeGreaterThan(0);
    if (summary.mainThreadPercent !== null) {
      expect(summary.mainThreadPercent).toBeGreaterThan(0);
      // One thread of the process, to the 10 ms granularity of its ticks.
      expect(summary.mainThreadPercent).toBeLessThanOrEqual(summary.percentOfOneCore + 10);
    }
  });
});
