import type { TargetId } from "@brokerlab/messaging";

export type MetricValue = number | string | boolean | null;

/** [x, y] points for charts: lag over time, stored records over time, records per partition. */
export type SeriesPoints = [number, number][];

/** One target's outcome in one scenario. Unsupported or failed targets are reported, never left out. */
export interface TargetResult {
  readonly target: TargetId;
  /** Where one target has several columns (failover: the level and fault), what tells them apart. */
  readonly variant?: string;
  supported: boolean;
  /** Why not supported: the adapter's UnsupportedCapabilityError message, or the failure. */
  reason?: string;
  /** True when the target failed (unreachable, timeout) rather than declared the step unsupported. */
  error?: boolean;
  metrics: Record<string, MetricValue>;
  summary: string;
  /** Sub-steps the target could not do, and other things a reader should know. */
  notes?: string[];
  series?: Record<string, SeriesPoints>;
  /** Failover: the history file the metrics were computed from, relative to the results file. */
  history?: string;
}

export interface ScenarioResults {
  readonly name: string;
  readonly params: Record<string, MetricValue>;
  readonly results: TargetResult[];
}

export interface BrokerInfo {
  readonly address: string;
  readonly version?: string;
  readonly error?: string;
}

export const RESULTS_SCHEMA = "brokerlab.scenario-results/1";

export interface RunResults {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly runId: string;
  readonly startedAt: string;
  finishedAt?: string;
  /** Keyed by target id: each target's client reports its broker's version and address. */
  readonly brokers: Record<TargetId, BrokerInfo>;
  readonly scenarios: ScenarioResults[];
}
