import type { ScenarioContext, ScenarioSettings } from "./context.js";
import type { Messages } from "./i18n/index.js";
import type { MetricValue, TargetResult } from "./results.js";

export interface Outcome {
  /** One line a person reads. */
  readonly summary: string;
  /** Default true; false when the scenario's main point does not apply to this target. */
  readonly supported?: boolean;
  readonly reason?: string;
}

export interface ScenarioTexts {
  readonly title: string;
  readonly explanation: string;
}

export interface Scenario {
  readonly name: string;
  /** Its title and the explanation tying the numbers to the concept (retention, offsets, ISR, acks, lag…). */
  texts(m: Messages): ScenarioTexts;
  params(settings: ScenarioSettings): Record<string, MetricValue>;
  run(context: ScenarioContext): Promise<Outcome>;
  /** Lines every output prints under the table: what its rows mean, in the report's language. */
  legend?(m: Messages): readonly string[];
  /** SVG charts for the HTML report, drawn from every target's result, in the report's language. */
  charts?(results: readonly TargetResult[], m: Messages): string[];
}

/** What the reports need to present a scenario's results. */
export type ScenarioDescription = Pick<Scenario, "name" | "texts" | "legend" | "charts">;
