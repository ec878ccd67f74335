import type { BenchResults, SecondSample, TargetBenchResult } from "@brokerlab/bench";
import type { Table } from "@brokerlab/report";
import type { BenchMessages } from "../i18n/index.js";

type MetricName = keyof BenchMessages["compare"]["metrics"];

/** Latencies carry no per-second spread in the results; a difference under this share counts as noise. */
export const LATENCY_NOISE = 0.1;

type Pick = (result: TargetBenchResult) => number | undefined;

interface Metric {
  readonly name: MetricName;
  readonly pick: Pick;
  /** Relative noise of this metric in one run (undefined: use {@link LATENCY_NOISE}). */
  readonly spread?: (result: TargetBenchResult) => number | undefined;
}

const rateSpread =
  (rate: (sample: SecondSample) => number) =>
  (result: TargetBenchResult): number | undefined =>
    relativeStandardError((result.timeSeries ?? []).map(rate));

const METRICS: readonly Metric[] = [
  { name: "offeredRate", pick: (r) => r.producerRate },
  {
    name: "publish",
    pick: (r) => r.publishRate?.msgPerSec,
    spread: rateSpread((s) => s.publishRate),
  },
  {
    name: "consume",
    pick: (r) => r.consumeRate?.msgPerSec,
    spread: rateSpread((s) => s.consumeRate),
  },
  { name: "publishP50", pick: (r) => r.publishLatencyMs?.p50 },
  { name: "publishP99", pick: (r) => r.publishLatencyMs?.p99 },
  { name: "endToEndP50", pick: (r) => r.endToEndLatencyMs?.p50 },
  { name: "endToEndP99", pick: (r) => r.endToEndLatencyMs?.p99 },
  { name: "endToEndP999", pick: (r) => r.endToEndLatencyMs?.p999 },
  { name: "delayP50", pick: (r) => r.publishDelayUs?.p50 },
  { name: "delayP99", pick: (r) => r.publishDelayUs?.p99 },
  { name: "benchCpu", pick: (r) => r.clientCpu?.percentOfOneCore },
];

/**
 * Standard error of the mean of per-second samples, relative to the mean: how far the run's average rate could
 * move by chance. Undefined with fewer than two samples or a zero mean.
 */
export function relativeStandardError(samples: readonly number[]): number | undefined {
  if (samples.length < 2) return undefined;
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  if (mean === 0) return undefined;
  const variance = samples.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (samples.length - 1);
  return Math.sqrt(variance / samples.length) / Math.abs(mean);
}

/**
 * Whether B differs from A by no more than the runs' own noise: for rates, twice the combined standard error of
 * the two runs' mean per-second rates (about 95 %); for the rest, {@link LATENCY_NOISE}.
 */
export function withinNoise(a: number, b: number, spreadA?: number, spreadB?: number): boolean {
  if (a === b) return true;
  if (a === 0) return false;
  const noise =
    spreadA === undefined || spreadB === undefined
      ? LATENCY_NOISE
      : 2 * Math.sqrt(spreadA ** 2 + spreadB ** 2);
  return Math.abs(b / a - 1) <= noise;
}

/** Two runs side by side: per target both have, each metric's A, B, B ÷ A, and "≈" where within noise. */
export function compareResults(a: BenchResults, b: BenchResults, m: BenchMessages["compare"]): Table {
  const rows: (string | number | null)[][] = [];
  for (const left of a.targets) {
    const right = b.targets.find((candidate) => candidate.target === left.target);
    if (!right) continue;
    for (const metric of METRICS) {
      const x = metric.pick(left);
      const y = metric.pick(right);
      if (x === undefined && y === undefined) continue;
      const ratio = x !== undefined && y !== undefined && x !== 0 ? Math.round((y / x) * 100) / 100 : null;
      const same =
        x !== undefined &&
        y !== undefined &&
        withinNoise(x, y, metric.spread?.(left), metric.spread?.(right));
      rows.push([
        left.target,
        m.metrics[metric.name],
        x ?? null,
        y ?? null,
        ratio,
        same ? m.withinNoise : "",
      ]);
    }
  }
  return {
    title: "A → B",
    headers: [m.headers.target, m.headers.metric, "A", "B", m.headers.ratio, ""],
    align: ["left", "left", "right", "right", "right", "left"],
    rows,
  };
}

/** Targets only one of the runs has, to say so under the table. */
export function unmatchedTargets(a: BenchResults, b: BenchResults, m: BenchMessages["compare"]): string[] {
  const inA = new Set(a.targets.map((result) => result.target));
  const inB = new Set(b.targets.map((result) => result.target));
  return [
    ...[...inA].filter((target) => !inB.has(target)).map((target) => m.onlyIn(target, "A")),
    ...[...inB].filter((target) => !inA.has(target)).map((target) => m.onlyIn(target, "B")),
  ];
}
