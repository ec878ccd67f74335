import type { Table } from "@brokerlab/report";
import type { ScenarioResults, TargetResult } from "../results.js";

/** Targets as columns, one row per metric, `supported` first; a metric a target lacks shows as "–". */
export function scenarioTable(scenario: ScenarioResults): Table {
  const metricNames: string[] = [];
  for (const result of scenario.results) {
    for (const name of Object.keys(result.metrics)) if (!metricNames.includes(name)) metricNames.push(name);
  }
  return {
    title: scenario.name,
    headers: ["metric", ...scenario.results.map(columnName)],
    rows: [
      ["supported", ...scenario.results.map((result) => result.supported)],
      ...metricNames.map((name) => [name, ...scenario.results.map((result) => result.metrics[name])]),
    ],
    align: ["left", ...scenario.results.map(() => "right" as const)],
  };
}

/** The target, and its variant where it has several columns. */
export function columnName(result: TargetResult): string {
  return result.variant ? `${result.target} ${result.variant}` : result.target;
}

/** The lines under a table: each target's summary, reason when unsupported, and notes. */
export function summaryLines(result: TargetResult): string[] {
  const lines = [`${columnName(result)}: ${result.summary}`];
  if (!result.supported && result.reason && !result.summary.includes(result.reason)) {
    lines.push(`  ${result.error ? "error" : "why"}: ${result.reason}`);
  }
  for (const note of result.notes ?? []) lines.push(`  note: ${note}`);
  return lines;
}
