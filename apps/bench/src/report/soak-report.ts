import { type BenchResults, type SoakResult, soakSeries } from "@brokerlab/bench";
import { lineChart, type Table } from "@brokerlab/report";
import type { BenchMessages } from "../i18n/index.js";

const MB = 1024 * 1024;

function mb(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/** Each series' value at warm-up and at the end, its growth and whether it stayed flat. */
export function soakGrowthTable(soak: SoakResult, m: BenchMessages): Table {
  const t = m.report.soak;
  return {
    headers: [...t.growthHeaders],
    rows: soak.growth.map((g) => [
      g.series,
      g.fromMinute,
      mb(g.fromBytes),
      g.toMinute,
      mb(g.toBytes),
      g.percent,
      g.flat ? t.flat : t.grew,
    ]),
  };
}

/** Every series (rows) at every fifth minute and the last one (columns), in MB. */
export function soakMinuteTable(soak: SoakResult, m: BenchMessages): Table {
  const last = soak.samples.at(-1)?.minute ?? 0;
  const minutes = soak.samples
    .map((sample) => sample.minute)
    .filter((minute) => minute % 5 === 0 || minute === last);
  return {
    headers: [m.report.soak.minuteHeader, ...minutes.map(String)],
    rows: soakSeries(soak.samples).map((series) => [
      series.name,
      ...minutes.map((minute) => {
        const point = series.points.find((p) => p.minute === minute);
        return point === undefined ? null : mb(point.bytes);
      }),
    ]),
  };
}

/** The verdict line and the brokers that could not be read (once per broker and error). */
export function soakNotes(soak: SoakResult, m: BenchMessages): string[] {
  const t = m.report.soak;
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const sample of soak.samples) {
    for (const broker of sample.brokers) {
      const key = `${broker.broker}|${broker.error}`;
      if (broker.error === undefined || seen.has(key)) continue;
      seen.add(key);
      errors.push(t.brokerError(broker.broker, sample.minute, broker.error));
    }
  }
  return [t.verdict(soak.growth.filter((g) => !g.flat).length, soak.growth.length), ...errors];
}

/** RSS of every process, and every broker's own figure, per minute. */
export function soakCharts(soak: SoakResult, m: BenchMessages): string {
  const t = m.report.soak;
  const series = soakSeries(soak.samples);
  const chart = (title: string, pick: (name: string) => boolean) =>
    lineChart({
      title,
      xLabel: t.minuteOfSoak,
      yLabel: t.megabytes,
      texts: m.report.chartTexts,
      zeroY: false,
      series: series
        .filter((s) => pick(s.name))
        .map((s) => ({ name: s.name, points: s.points.map((p) => [p.minute, mb(p.bytes)] as const) })),
    });
  return [
    chart(t.rssChart, (name) => !name.startsWith("broker ") && name.endsWith(" rss")),
    chart(t.brokerChart, (name) => name.startsWith("broker ")),
  ].join("\n");
}

export function soakIntro(results: BenchResults, soak: SoakResult, m: BenchMessages): string {
  return m.report.soak.intro(soak.minutes, soak.ratePerTarget, results.targets.length);
}
