import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("ordering scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("ordering");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)("%s keeps per-key order as far as its declared ordering scope reaches", (target) => {
    const caps = capabilitiesOf(target);
    const { supported, metrics } = resultFor(results, target);
    expect(supported).toBe(true);
    // One consumer sees a queue's or a partition's order.
    if (caps.ordering !== "none") expect(metrics.outOfOrderOneConsumer).toBe(0);
    // Partition order survives three consumers and a redelivery, since one consumer owns each partition.
    if (caps.ordering === "partition") {
      expect(metrics.outOfOrder).toBe(0);
      expect(metrics.outOfOrderWithRedelivery).toBe(0);
    }
  });

  it.each(TARGET_IDS)(
    "%s can redeliver in the middle exactly when it declares redeliversUnacked",
    (target) => {
      const caps = capabilitiesOf(target);
      const { metrics, notes } = resultFor(results, target);
      if (caps.redeliversUnacked) expect(metrics.outOfOrderWithRedelivery).toEqual(expect.any(Number));
      else {
        expect(metrics.outOfOrderWithRedelivery).toBeNull();
        expect(notes?.join(" ")).toMatch(/does not support/);
      }
    },
  );
});
