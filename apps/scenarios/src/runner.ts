import {
  isBrokerlabError,
  type MessagingClient,
  type ProducerPreferences,
  type TargetId,
  UnsupportedCapabilityError,
  withTimeout,
} from "@brokerlab/messaging";
import { newRunId } from "@brokerlab/report";
import { ScenarioContext, type ScenarioSettings } from "./context.js";
import type { Messages } from "./i18n/index.js";
import {
  type BrokerInfo,
  RESULTS_SCHEMA,
  type RunResults,
  type ScenarioResults,
  type TargetResult,
} from "./results.js";
import type { Scenario } from "./scenario.js";

export interface RunOptions {
  readonly scenarios: readonly Scenario[];
  readonly targets: readonly TargetId[];
  readonly settings: ScenarioSettings;
  /** The language of summaries, notes and progress (results.json keeps its keys and metric ids). */
  readonly texts: Messages;
  /** A client for `target`, not yet connected; `producer` asks for a producer behaviour (unkeyed partitioning). */
  readonly createClient: (target: TargetId, producer?: ProducerPreferences) => MessagingClient;
  /** Progress for a person watching: which scenario, which target, counts. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { readonly kind: "connect"; readonly target: TargetId; readonly info: BrokerInfo }
  | { readonly kind: "scenario"; readonly scenario: string; readonly index: number; readonly total: number }
  | { readonly kind: "target"; readonly scenario: string; readonly target: TargetId }
  | { readonly kind: "step"; readonly scenario: string; readonly target: TargetId; readonly text: string }
  | { readonly kind: "result"; readonly scenario: string; readonly result: TargetResult }
  | { readonly kind: "scenario-done"; readonly results: ScenarioResults };

const CONNECT_MS = 15_000;
/** A scenario that hangs on one target must not stop the others. */
const SCENARIO_MS = 180_000;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}

/** Connects to every target once, for its version and address; an unreachable one fails within seconds. */
async function probeAll(options: RunOptions): Promise<Record<TargetId, BrokerInfo>> {
  const brokers: Record<TargetId, BrokerInfo> = {};
  await Promise.all(
    options.targets.map(async (target) => {
      let client: MessagingClient | undefined;
      try {
        client = options.createClient(target);
        await withTimeout(client.connect(), CONNECT_MS, `connecting to ${client.address}`);
        const version = await withTimeout(client.brokerVersion(), CONNECT_MS, "asking the broker version");
        brokers[target] = { address: client.address, version };
      } catch (error) {
        brokers[target] = { address: client?.address ?? "unknown", error: messageOf(error) };
      } finally {
        await client?.close().catch(() => undefined);
      }
      options.onProgress?.({ kind: "connect", target, info: brokers[target] ?? { address: "unknown" } });
    }),
  );
  return brokers;
}

/**
 * One scenario on one target, with a client of its own so no state (open subscriptions, producer metadata
 * of deleted topics) carries over from one scenario to the next.
 */
async function runOne(scenario: Scenario, target: TargetId, options: RunOptions): Promise<TargetResult> {
  const client = options.createClient(target);
  try {
    await withTimeout(client.connect(), CONNECT_MS, `connecting to ${client.address}`);
  } catch (error) {
    await client.close().catch(() => undefined);
    const reason = messageOf(error);
    const summary = options.texts.runner.failed(reason);
    return { target, supported: false, error: true, reason, metrics: {}, summary };
  }
  const context = new ScenarioContext(
    client,
    options.settings,
    scenario.name,
    options.texts,
    (text) => options.onProgress?.({ kind: "step", scenario: scenario.name, target, text }),
    (producer) => options.createClient(target, producer),
  );
  const result: TargetResult = { target, supported: true, metrics: context.metrics, summary: "" };
  try {
    const outcome = await withTimeout(scenario.run(context), SCENARIO_MS, `${scenario.name} on ${target}`);
    result.supported = outcome.supported ?? true;
    result.summary = outcome.summary;
    if (outcome.reason) result.reason = outcome.reason;
  } catch (error) {
    result.supported = false;
    result.reason = messageOf(error);
    if (error instanceof UnsupportedCapabilityError) {
      result.summary = options.texts.runner.unsupported(result.reason);
    } else {
      result.error = true;
      result.reason = options.texts.runner.lastStep(result.reason, context.lastStep);
      result.summary = options.texts.runner.failed(result.reason);
      // Programming errors keep their stack for whoever debugs; broker and user errors are one line.
      if (!isBrokerlabError(error) && error instanceof Error && process.env.BROKERLAB_DEBUG) {
        process.stderr.write(`${error.stack}\n`);
      }
    }
  } finally {
    await context.cleanup();
    await client.close().catch(() => undefined);
  }
  if (context.notes.length > 0) result.notes = context.notes;
  if (Object.keys(context.series).length > 0) result.series = context.series;
  return result;
}

/** Runs every scenario on every target, one at a time so measurements do not disturb each other. */
export async function runScenarios(options: RunOptions, runId = newRunId()): Promise<RunResults> {
  const startedAt = new Date().toISOString();
  const brokers = await probeAll(options);
  const run: RunResults = { schema: RESULTS_SCHEMA, runId, startedAt, brokers, scenarios: [] };
  for (const [index, scenario] of options.scenarios.entries()) {
    options.onProgress?.({
      kind: "scenario",
      scenario: scenario.name,
      index: index + 1,
      total: options.scenarios.length,
    });
    const results: TargetResult[] = [];
    for (const target of options.targets) {
      let result: TargetResult;
      options.onProgress?.({ kind: "target", scenario: scenario.name, target });
      if (!brokers[target]?.error) {
        result = await runOne(scenario, target, options);
      } else {
        const reason = brokers[target]?.error ?? options.texts.runner.notConnected;
        const summary = options.texts.runner.failed(reason);
        result = { target, supported: false, error: true, reason, metrics: {}, summary };
      }
      results.push(result);
      options.onProgress?.({ kind: "result", scenario: scenario.name, result });
    }
    const done = { name: scenario.name, params: scenario.params(options.settings), results };
    run.scenarios.push(done);
    options.onProgress?.({ kind: "scenario-done", results: done });
  }
  run.finishedAt = new Date().toISOString();
  return run;
}
