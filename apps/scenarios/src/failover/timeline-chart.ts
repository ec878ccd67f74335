import { type ChartMarker, lineChart, stepChart } from "@brokerlab/report";
import type { TargetResult } from "../results.js";

function markersOf(results: readonly TargetResult[]): ChartMarker[] {
  const first = results[0]?.metrics;
  const markers: ChartMarker[] = [];
  if (typeof first?.faultAtSeconds === "number") {
    markers.push({ x: first.faultAtSeconds, label: `${first.faultNode ?? "leader"} faulted` });
  }
  if (typeof first?.recoverAtSeconds === "number")
    markers.push({ x: first.recoverAtSeconds, label: "brought back" });
  return markers;
}

/**
 * One timeline per target: acknowledged publishes and failed or unknown attempts per second for each of its
 * columns, with the fault and recovery marked, and the replicas in sync (ISR, members) below it.
 */
export function timelineCharts(results: readonly TargetResult[]): string[] {
  const targets = [...new Set(results.map((result) => result.target))];
  return targets.flatMap((target) => {
    const mine = results.filter((result) => result.target === target && result.series);
    if (mine.length === 0) return [];
    const markers = markersOf(mine);
    const rates = lineChart({
      title: `${target}: publishes over time`,
      xLabel: "seconds since the run started",
      yLabel: "per second",
      markers,
      series: mine.flatMap((result) => [
        { name: `${result.variant} acknowledged`, points: result.series?.ackedPerSecond ?? [] },
        { name: `${result.variant} failed/unknown`, points: result.series?.notAckedPerSecond ?? [] },
      ]),
    });
    const members = stepChart({
      title: `${target}: replicas in sync (Kafka ISR, quorum members online, Redis replicas streaming)`,
      xLabel: "seconds since the run started",
      yLabel: "in sync",
      height: 260,
      markers,
      series: mine.map((result) => ({ name: `${result.variant}`, points: result.series?.inSync ?? [] })),
    });
    return [rates, members];
  });
}
