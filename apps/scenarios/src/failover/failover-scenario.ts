import { relative } from "node:path";
import type { DurabilityLevel, TargetId } from "@brokerlab/messaging";
import type { Messages } from "../i18n/index.js";
import type { MetricValue, ScenarioResults, TargetResult } from "../results.js";
import type { ScenarioDescription } from "../scenario.js";
import { checkHistory } from "./check-history.js";
import type { FaultKind } from "./failover-cluster.js";
import {
  type FailoverEnvironment,
  type FailoverRunOutput,
  type FailoverSettings,
  type FailoverSpec,
  runBrokerPhase,
} from "./failover-phase.js";
import type { HistoryEvent } from "./history.js";
import { readHistory } from "./history-file.js";
import { readingOf } from "./reading.js";
import { timelineOf } from "./timeline.js";
import { timelineCharts } from "./timeline-chart.js";

export const FAILOVER_NAME = "failover";

export const failoverDescription: ScenarioDescription = {
  name: FAILOVER_NAME,
  texts: (m) => m.failover,
  charts: (results, m) => timelineCharts(results, m),
};

export interface FailoverPlan {
  readonly targets: readonly TargetId[];
  readonly levels: readonly DurabilityLevel[];
  readonly faults: readonly FaultKind[];
  readonly settings: FailoverSettings;
}

export interface FailoverLookups {
  /** The broker a target runs on: one phase per broker and fault. */
  brokerOf(target: TargetId): string;
  /** The levels the target declares on the cluster. */
  levelsOf(target: TargetId): readonly DurabilityLevel[];
  /** Whether the target has an idempotent producer (Kafka), run as one more column. */
  hasIdempotentProducer(target: TargetId): boolean;
}

/** Every column: each target at each level it declares on the cluster (and asked for), plus its idempotent run. */
export function failoverSpecs(plan: FailoverPlan, lookups: FailoverLookups): FailoverSpec[] {
  return plan.targets.flatMap((target) => {
    const levels = lookups.levelsOf(target).filter((level) => plan.levels.includes(level));
    const specs: FailoverSpec[] = levels.map((level) => ({ target, level, idempotent: false, label: level }));
    if (levels.includes("replicated") && lookups.hasIdempotentProducer(target)) {
      specs.push({ target, level: "replicated", idempotent: true, label: "idempotent" });
    }
    return specs;
  });
}

function retainsAfterAck(events: readonly HistoryEvent[]): boolean {
  return events.some((event) => event.type === "run" && event.retainsAfterAck);
}

/** The result of one column, every metric as the checker computes it from the history file written. */
export async function failoverResult(
  output: FailoverRunOutput,
  resultsDir: string,
  m: Messages,
): Promise<TargetResult> {
  const events = await readHistory(output.historyPath).catch(() => []);
  const metrics = checkHistory(events);
  const timeline = timelineOf(events);
  const result: TargetResult = {
    target: output.spec.target,
    variant: `${output.spec.label} ${output.fault}`,
    supported: output.error === undefined,
    metrics: { ...metrics } as Record<string, MetricValue>,
    summary: output.error
      ? m.failover.failed(output.error)
      : readingOf(
          { ...output.spec, fault: output.fault, retainsAfterAck: retainsAfterAck(events) },
          metrics,
          m.failover,
        ),
    series: timeline,
    history: relative(resultsDir, output.historyPath),
  };
  if (output.error) {
    result.error = true;
    result.reason = output.error;
  }
  return result;
}

/** Runs every column, one broker and fault at a time, all of a broker's columns at once. */
export async function runFailover(
  plan: FailoverPlan,
  lookups: FailoverLookups,
  env: FailoverEnvironment,
  resultsDir: string,
): Promise<ScenarioResults> {
  const specs = failoverSpecs(plan, lookups);
  const brokers = [...new Set(specs.map((spec) => lookups.brokerOf(spec.target)))];
  const results: TargetResult[] = [];
  for (const fault of plan.faults) {
    for (const broker of brokers) {
      env.progress(env.m.failover.progress.phase(broker, fault));
      const mine = specs.filter((spec) => lookups.brokerOf(spec.target) === broker);
      for (const output of await runBrokerPhase(broker, mine, fault, plan.settings, env)) {
        results.push(await failoverResult(output, resultsDir, env.m));
      }
    }
  }
  return {
    name: FAILOVER_NAME,
    params: {
      rate: plan.settings.rate,
      seconds: plan.settings.seconds,
      keys: plan.settings.keys,
      faults: plan.faults.join(","),
      attemptTimeoutMs: plan.settings.retry.attemptTimeoutMs,
      retryDeadlineMs: plan.settings.retry.deadlineMs,
    },
    results,
  };
}
