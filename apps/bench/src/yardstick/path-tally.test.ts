import { describe, expect, it } from "vitest";
import { clientBound, PathTally } from "./path-tally.js";

describe("PathTally", () => {
  it("keeps each round's rates and its adapter ÷ raw, and counts rounds by them", () => {
    const tally = new PathTally();
    expect(tally.addRates({ adapter: [900, 1100], raw: [1000, 1000] })).toBe(1);
    expect(tally.addRates({ adapter: [450, 450], raw: [500, 500] })).toBeCloseTo(0.9);
    expect(tally.rates.adapter).toEqual([900, 1100, 450, 450]);
    expect(tally.adapterVsRaw).toHaveLength(2);
    expect(tally.rounds).toBe(2);
  });

  it("counts two adapter slices a round where there is no raw path", () => {
    const tally = new PathTally();
    expect(tally.addRates({ adapter: [900, 1100], raw: [] })).toBeUndefined();
    expect(tally.addRates({ adapter: [800, 1000], raw: [] })).toBeUndefined();
    expect(tally.adapterVsRaw).toEqual([]);
    expect(tally.rounds).toBe(2);
  });

  it("keeps a round's CPU per record adapter ÷ raw only when both paths measured records", () => {
    const tally = new PathTally();
    const slice = (micros: number) => ({ rate: 1000, micros, records: 1000 });
    expect(tally.addCpuRatio({ adapter: [slice(2000)], raw: [slice(1000)] })).toBe(2);
    expect(tally.addCpuRatio({ adapter: [slice(2000)], raw: [] })).toBeUndefined();
    expect(tally.cpuVsRaw).toEqual([2]);
  });

  it("reports the raw path's CPU only where it handled records, per record of the side's role", () => {
    const tally = new PathTally();
    tally.published.adapter = 10;
    const adapterOnly = tally.cpuAs("producer");
    expect(adapterOnly.raw).toBeUndefined();
    expect(adapterOnly.adapter).toMatchObject({ role: "producer", published: 10, consumed: 0 });
    tally.consumed.raw = 5;
    const both = tally.cpuAs("consumer");
    expect(both.raw).toMatchObject({ role: "consumer", published: 0, consumed: 5 });
  });
});

describe("clientBound", () => {
  const cpu = (mainThreadPercent: number | null, percentOfOneCore: number) =>
    ({ ...new PathTally().cpuAs("producer").adapter, mainThreadPercent, percentOfOneCore }) as const;

  it("judges by the JavaScript thread where there is a figure for it, else by the process", () => {
    expect(clientBound(cpu(95, 40))).toBe(true);
    expect(clientBound(cpu(50, 140))).toBe(false);
    expect(clientBound(cpu(null, 92))).toBe(true);
    expect(clientBound(cpu(null, 60))).toBe(false);
  });
});
