import { describe, expect, it } from "vitest";
import type { ProcessCpu } from "../results.js";
import { cpuPerRecord } from "./cpu-per-record.js";

function process(role: ProcessCpu["role"], cpuMs: number, published: number, consumed: number): ProcessCpu {
  return { role, where: role, pid: 1, userMs: cpuMs, systemMs: 0, percentOfOneCore: 0, published, consumed };
}

describe("cpuPerRecord", () => {
  it("splits publish and consume where different processes did them, and sums them end to end", () => {
    const split = cpuPerRecord([
      process("coordinator", 10, 0, 0),
      process("producer", 100, 10_000, 0),
      process("consumer", 150, 0, 10_000),
    ]);
    expect(split).toEqual({ published: 10, consumed: 15, endToEnd: 26 });
  });

  it("gives one process that did both only the end-to-end figure", () => {
    expect(cpuPerRecord([process("producer+consumer", 200, 10_000, 10_000)])).toEqual({ endToEnd: 20 });
  });

  it("counts records still in flight by halves, and nothing where nothing moved", () => {
    expect(cpuPerRecord([process("producer+consumer", 300, 10_000, 5_000)]).endToEnd).toBe(40);
    expect(cpuPerRecord([process("producer+consumer", 1, 0, 0)])).toEqual({});
  });
});
