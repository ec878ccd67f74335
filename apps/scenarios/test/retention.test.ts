import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("retention scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("retention");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)(
    "%s keeps its records after acknowledgement exactly when it declares retainsAfterAck",
    (target) => {
      const caps = capabilitiesOf(target);
      const { supported, metrics } = resultFor(results, target);
      expect(supported).toBe(true);
      expect(metrics.consumed).toBe(metrics.produced);
      expect(metrics.retainedAfterConsume).toBe(caps.retainsAfterAck ? metrics.produced : 0);
    },
  );

  it.each(TARGET_IDS)("%s drops data under a retention policy exactly when it declares one", (target) => {
    const caps = capabilitiesOf(target);
    const { metrics } = resultFor(results, target);
    if (caps.retention.length === 0) {
      expect(metrics.policy).toBeNull();
      expect(metrics.retainedAfterPolicy).toBeNull();
    } else {
      expect(metrics.policySeconds).toEqual(expect.any(Number));
      expect(metrics.retainedAfterPolicy).toBeLessThan(Number(metrics.policyProduced));
    }
  });
});
