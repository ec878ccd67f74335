import type { BenchResults, TargetBenchResult } from "@brokerlab/bench";
import { describe, expect, it } from "vitest";
import { benchMessagesFor } from "../i18n/index.js";
import { compareResults, relativeStandardError, unmatchedTargets, withinNoise } from "./compare-results.js";

function run(targets: Partial<TargetBenchResult>[]): BenchResults {
  return {
    schema: "brokerlab.bench-results/1",
    runId: "r",
    startedAt: "",
    finishedAt: "",
    mode: "workload",
    workload: { file: "w.yaml" },
    machine: { cores: 2, node: "20", platform: "linux-x64" },
    targets: targets.map((target) => ({ target: "kafka", ok: true, errors: [], notes: [], ...target })),
  } as BenchResults;
}

const en = benchMessagesFor("en").compare;
const ko = benchMessagesFor("ko").compare;

const series = (rates: number[]) =>
  rates.map((rate, i) => ({ second: i + 1, publishRate: rate, consumeRate: rate, backlog: 0 }));

describe("relativeStandardError", () => {
  it("is the standard error of the mean over the mean", () => {
    expect(relativeStandardError([90, 110, 90, 110])).toBeCloseTo(Math.sqrt(400 / 3 / 4) / 100, 6);
    expect(relativeStandardError([5])).toBeUndefined();
  });
});

describe("withinNoise", () => {
  it("uses the runs' spread for rates and 10 % otherwise", () => {
    expect(withinNoise(1000, 1040, 0.02, 0.02)).toBe(true);
    expect(withinNoise(1000, 1100, 0.02, 0.02)).toBe(false);
    expect(withinNoise(10, 10.9)).toBe(true);
    expect(withinNoise(10, 11.5)).toBe(false);
  });
});

describe("compareResults", () => {
  it("gives each metric's ratio and marks only what is within noise", () => {
    const a = run([
      {
        publishRate: { msgPerSec: 1000, mbPerSec: 1 },
        timeSeries: series([990, 1010, 1000, 1000]),
        endToEndLatencyMs: { count: 1, p50: 2, p75: 2, p95: 2, p99: 10, p999: 10, max: 10 },
      },
    ]);
    const b = run([
      {
        publishRate: { msgPerSec: 2000, mbPerSec: 2 },
        timeSeries: series([1990, 2010, 2000, 2000]),
        endToEndLatencyMs: { count: 1, p50: 2.1, p75: 2, p95: 2, p99: 20, p999: 20, max: 20 },
      },
    ]);
    const table = compareResults(a, b, en);
    const row = (label: string) => table.rows.find((r) => r[1] === label);
    expect(row("publish (msg/s)")).toEqual(["kafka", "publish (msg/s)", 1000, 2000, 2, ""]);
    expect(row("end-to-end p50 (ms)")?.[5]).toBe("≈ within noise");
    expect(row("end-to-end p99 (ms)")?.slice(4)).toEqual([2, ""]);
    expect(row("offered rate (msg/s)")).toBeUndefined();
    const korean = compareResults(a, b, ko);
    expect(korean.headers.slice(0, 2)).toEqual(["타깃", "측정값"]);
    expect(korean.rows.find((r) => r[1] === "발행 (msg/s)")).toEqual([
      "kafka",
      "발행 (msg/s)",
      1000,
      2000,
      2,
      "",
    ]);
  });

  it("names targets only one run has", () => {
    expect(unmatchedTargets(run([{ target: "kafka" }]), run([{ target: "redis-stream" }]), en)).toEqual([
      "kafka only in A",
      "redis-stream only in B",
    ]);
  });
});
