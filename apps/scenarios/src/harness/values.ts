import { formatPosition, type Position } from "@brokerlab/messaging";
import type { ScenarioContext } from "../context.js";
import type { MetricValue } from "../results.js";

/** Positions as a reader knows them: `partition/offset` where there are partitions, else the offset or id. */
export function showPosition(context: ScenarioContext, position: Position): string {
  return context.capabilities.partitions ? formatPosition(position) : position.offset;
}

/** A metric as a chart value: numbers only. */
export function numeric(value: MetricValue | undefined): number | null {
  return typeof value === "number" ? value : null;
}

export function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(2));
}
