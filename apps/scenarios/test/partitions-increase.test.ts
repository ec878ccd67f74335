import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("partitions-increase scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("partitions-increase");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)(
    "%s grows partitions, refuses shrinking and moves keys exactly when it declares partitions",
    (target) => {
      const caps = capabilitiesOf(target);
      const { supported, reason, metrics } = resultFor(results, target);
      expect(supported).toBe(caps.partitions);
      if (caps.partitions) {
        expect(metrics.partitionsBefore).toBe(3);
        expect(metrics.partitionsAfter).toBe(6);
        expect(metrics.decreaseRefused).toBe(true);
        expect(metrics.partitionsAfterDecrease).toBe(6);
        expect(String(metrics.decreaseError)).toMatch(/INVALID_PARTITIONS/);
        expect(Number(metrics.keysMoved)).toBeGreaterThan(0);
      } else {
        expect(reason).toMatch(/does not support partitions/);
      }
    },
  );
});
