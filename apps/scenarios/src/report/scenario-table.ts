import { footnoteLongCells, type Table } from "@brokerlab/report";
import { type Messages, metricLabel } from "../i18n/index.js";
import type { ScenarioResults, TargetResult } from "../results.js";

/** A text cell wider than this goes to the notes under the table (a broker error, a long id). */
export const CELL_TEXT_MAX = 16;

export interface ScenarioTable {
  readonly table: Table;
  /** Texts too long for a cell, as "[n] row · target: text". */
  readonly notes: readonly string[];
}

/**
 * Targets as columns, one row per metric (labelled in the report's language), `supported` first; a metric
 * a target lacks shows as "–"; long texts become numbered notes under the table.
 */
export function scenarioTable(scenario: ScenarioResults, m: Messages): ScenarioTable {
  const metricNames: string[] = [];
  for (const result of scenario.results) {
    for (const name of Object.keys(result.metrics)) if (!metricNames.includes(name)) metricNames.push(name);
  }
  return footnoteLongCells(
    {
      headers: [m.report.metric, ...scenario.results.map(columnName)],
      rows: [
        [m.report.supported, ...scenario.results.map((result) => result.supported)],
        ...metricNames.map((name) => [
          metricLabel(m, name, scenario.name),
          ...scenario.results.map((result) => result.metrics[name]),
        ]),
      ],
      align: ["left", ...scenario.results.map(() => "right" as const)],
    },
    CELL_TEXT_MAX,
  );
}

/** The target, and its variant where it has several columns. */
export function columnName(result: TargetResult): string {
  return result.variant ? `${result.target} ${result.variant}` : result.target;
}

/** The lines under a table: each target's summary, reason when unsupported, and notes. */
export function summaryLines(result: TargetResult, m: Messages): string[] {
  const lines = [`${columnName(result)}: ${result.summary}`];
  if (!result.supported && result.reason && !result.summary.includes(result.reason)) {
    lines.push(`  ${result.error ? m.report.error : m.report.why}: ${result.reason}`);
  }
  for (const note of result.notes ?? []) lines.push(`  ${m.report.note}: ${note}`);
  return lines;
}
