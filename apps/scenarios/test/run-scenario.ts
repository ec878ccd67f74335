import type { TargetId } from "@brokerlab/messaging";
import { capabilitiesOf, connectionSource, createClient, TARGET_IDS } from "@brokerlab/targets";
import { DEFAULT_SETTINGS, type ScenarioSettings } from "../src/context.js";
import { messagesFor } from "../src/i18n/index.js";
import type { ScenarioResults, TargetResult } from "../src/results.js";
import { runScenarios } from "../src/runner.js";
import { SCENARIOS } from "../src/scenarios/index.js";

/** Small volumes: these tests check behaviour against declared capabilities, not performance. */
export const TEST_SETTINGS: ScenarioSettings = { ...DEFAULT_SETTINGS, messages: 20, lagMs: 2_000 };

/** Generous: one scenario on every target against the shared brokers of a small machine. */
export const RUN_TIMEOUT_MS = 240_000;

/** Runs one scenario on every target against the live brokers. */
export async function runOnEveryTarget(
  name: string,
  settings: ScenarioSettings = TEST_SETTINGS,
): Promise<ScenarioResults> {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const run = await runScenarios({
    scenarios: [scenario],
    targets: TARGET_IDS,
    settings,
    texts: messagesFor("en"),
    createClient: (target, producer) =>
      createClient(target, { ...connectionSource(), ...(producer ? { producer } : {}) }),
  });
  const results = run.scenarios[0];
  if (!results) throw new Error(`scenario ${name} produced no results`);
  return results;
}

/** The target's result, which must exist and must not be a failure (unreachable broker, timeout, bug). */
export function resultFor(results: ScenarioResults | undefined, target: TargetId): TargetResult {
  const result = results?.results.find((candidate) => candidate.target === target);
  if (!result) throw new Error(`no result for ${target}`);
  if (result.error) throw new Error(`${target} failed: ${result.reason}`);
  return result;
}

export { capabilitiesOf, TARGET_IDS };
