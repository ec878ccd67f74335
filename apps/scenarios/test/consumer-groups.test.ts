import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("consumer-groups scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("consumer-groups");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)(
    "%s gives every group every record exactly when it declares consumerGroups",
    (target) => {
      const caps = capabilitiesOf(target);
      const { metrics } = resultFor(results, target);
      expect(metrics.everyGroupGetsAll).toBe(caps.consumerGroups);
      if (!caps.consumerGroups)
        expect(Number(metrics.groupA) + Number(metrics.groupB)).toBe(results?.params.messages);
    },
  );

  it.each(TARGET_IDS)(
    "%s splits one group's records exactly when it declares competingConsumers",
    (target) => {
      const caps = capabilitiesOf(target);
      const { metrics } = resultFor(results, target);
      expect(metrics.consumersSplit).toBe(caps.competingConsumers);
    },
  );
});
