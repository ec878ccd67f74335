import type { SoakGrowth, SoakSample } from "../results.js";
import { median } from "../util/median.js";

/** One memory figure over the soak's minutes (absent minutes: the figure could not be read then). */
export interface SoakSeries {
  readonly name: string;
  readonly points: readonly { readonly minute: number; readonly bytes: number }[];
}

/**
 * Every series the samples hold: each process's RSS and heap, each broker's own figure and its process's RSS,
 * named the way the report and the growth table show them.
 */
export function soakSeries(samples: readonly SoakSample[]): SoakSeries[] {
  const series = new Map<string, { minute: number; bytes: number }[]>();
  const add = (name: string, minute: number, bytes: number | undefined) => {
    if (bytes === undefined) return;
    const points = series.get(name) ?? [];
    points.push({ minute, bytes });
    series.set(name, points);
  };
  for (const { minute, processes, brokers } of samples) {
    for (const process of processes) {
      add(`${process.name} rss`, minute, process.rssBytes);
      add(`${process.name} heap`, minute, process.heapUsedBytes);
    }
    for (const broker of brokers) {
      add(`broker ${broker.broker} ${broker.what ?? "memory"}`, minute, broker.bytes);
      add(`broker ${broker.broker} rss`, minute, broker.rssBytes);
    }
  }
  return [...series].map(([name, points]) => ({ name, points }));
}

/** Readings per end of the comparison: one reading is one GC's timing away from another value. */
const END_READINGS = 3;

/**
 * Growth of one series from the readings at and after `warmupMinutes` (memory rises while caches, JIT and
 * connection pools fill; that is not a leak) to its last readings, each end the median of up to three
 * readings (fewer on a short soak; the two ends never share one). Undefined when there is no later reading to
 * compare with. `flat` allows `tolerancePercent` either way.
 */
export function memoryGrowth(
  series: SoakSeries,
  warmupMinutes: number,
  tolerancePercent: number,
): SoakGrowth | undefined {
  const after = series.points.filter((point) => point.minute >= warmupMinutes);
  const perEnd = Math.min(END_READINGS, Math.floor(after.length / 2));
  if (perEnd === 0) return undefined;
  const first = after.slice(0, perEnd);
  const last = after.slice(-perEnd);
  const fromBytes = median(first.map((point) => point.bytes));
  const toBytes = median(last.map((point) => point.bytes));
  if (fromBytes <= 0) return undefined;
  const percent = Math.round(((toBytes - fromBytes) / fromBytes) * 1000) / 10;
  return {
    series: series.name,
    fromMinute: first[0]?.minute ?? warmupMinutes,
    fromBytes,
    toMinute: last.at(-1)?.minute ?? warmupMinutes,
    toBytes,
    percent,
    flat: percent <= tolerancePercent,
  };
}
