import { type ChartMarker, lineChart, stepChart } from "@brokerlab/report";
import type { Messages } from "../i18n/index.js";
import type { TargetResult } from "../results.js";

function markersOf(results: readonly TargetResult[], m: Messages["failover"]["chart"]): ChartMarker[] {
  const first = results[0]?.metrics;
  const markers: ChartMarker[] = [];
  if (typeof first?.faultAtSeconds === "number") {
    const node = typeof first.faultNode === "string" ? first.faultNode : m.leader;
    markers.push({ x: first.faultAtSeconds, label: m.faulted(node) });
  }
  if (typeof first?.recoverAtSeconds === "number") {
    markers.push({ x: first.recoverAtSeconds, label: m.broughtBack });
  }
  return markers;
}

/**
 * One timeline per target: acknowledged publishes and failed or unknown attempts per second for each of its
 * columns, with the fault and recovery marked, and the replicas in sync (ISR, members) below it.
 */
export function timelineCharts(results: readonly TargetResult[], messages: Messages): string[] {
  const m = messages.failover.chart;
  const targets = [...new Set(results.map((result) => result.target))];
  return targets.flatMap((target) => {
    const mine = results.filter((result) => result.target === target && result.series);
    if (mine.length === 0) return [];
    const markers = markersOf(mine, m);
    const rates = lineChart({
      title: m.publishes(target),
      xLabel: m.x,
      yLabel: m.perSecond,
      texts: messages.report.chartTexts,
      markers,
      series: mine.flatMap((result) => [
        { name: m.acknowledged(result.variant ?? ""), points: result.series?.ackedPerSecond ?? [] },
        { name: m.notAcknowledged(result.variant ?? ""), points: result.series?.notAckedPerSecond ?? [] },
      ]),
    });
    const members = stepChart({
      title: m.inSync(target),
      xLabel: m.x,
      yLabel: m.inSyncY,
      texts: messages.report.chartTexts,
      height: 260,
      markers,
      series: mine.map((result) => ({ name: `${result.variant}`, points: result.series?.inSync ?? [] })),
    });
    return [rates, members];
  });
}
