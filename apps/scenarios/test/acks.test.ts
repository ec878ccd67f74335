import { DURABILITY_LEVELS } from "@brokerlab/messaging";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

const metricOf = { none: "None", leader: "Leader", replicated: "Replicated" } as const;

describe("acks scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("acks");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)("%s publishes at exactly the durability levels it declares", (target) => {
    const caps = capabilitiesOf(target);
    const { supported, metrics, notes } = resultFor(results, target);
    expect(supported).toBe(caps.durability.length > 0);
    for (const level of DURABILITY_LEVELS) {
      const throughput = metrics[`throughput${metricOf[level]}`];
      if (caps.durability.includes(level)) {
        expect(throughput).toBeGreaterThan(0);
        expect(metrics[`stored${metricOf[level]}`]).toBe(results?.params.messages);
      } else {
        expect(throughput).toBeNull();
        expect(notes?.join(" ")).toContain(`durability "${level}"`);
      }
    }
  });
});
