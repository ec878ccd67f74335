import type { ScenarioContext, ScenarioSettings } from "./context.js";
import type { MetricValue, TargetResult } from "./results.js";

export interface Outcome {
  /** One line a person reads. */
  readonly summary: string;
  /** Default true; false when the scenario's main point does not apply to this target. */
  readonly supported?: boolean;
  readonly reason?: string;
}

export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** One line tying the numbers to the concept (retention, offsets, ISR, acks, lag…). */
  readonly explanation: string;
  params(settings: ScenarioSettings): Record<string, MetricValue>;
  run(context: ScenarioContext): Promise<Outcome>;
  /** SVG charts for the HTML report, drawn from every target's result. */
  charts?(results: readonly TargetResult[]): string[];
}

/** What the reports need to present a scenario's results. */
export type ScenarioDescription = Pick<Scenario, "name" | "title" | "explanation" | "charts">;
