import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("delete-on-consume scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("delete-on-consume");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)(
    "%s deletes acknowledged records exactly when it does not declare retainsAfterAck",
    (target) => {
      const caps = capabilitiesOf(target);
      const { supported, metrics } = resultFor(results, target);
      const stored = Number(metrics.storedBeforeConsume);
      expect(supported).toBe(true);
      expect(stored).toBe(results?.params.messages);
      expect(metrics.storedAfterAck).toBe(caps.retainsAfterAck ? stored : stored - Math.floor(stored / 2));
    },
  );

  it.each(TARGET_IDS)(
    "%s redelivers a nacked record exactly when it declares redeliversUnacked",
    (target) => {
      const caps = capabilitiesOf(target);
      const { metrics, notes } = resultFor(results, target);
      expect(metrics.redeliveredAfterNack).toBe(caps.redeliversUnacked);
      if (!caps.redeliversUnacked) expect(notes?.join(" ")).toMatch(/does not support/);
    },
  );
});
