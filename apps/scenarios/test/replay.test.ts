import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("replay scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("replay");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)("%s replays from a position exactly when it declares replayFromPosition", (target) => {
    const caps = capabilitiesOf(target);
    const { supported, reason, metrics } = resultFor(results, target);
    const produced = Number(metrics.produced);
    const from = Number(metrics.replayFrom);
    expect(supported).toBe(caps.replayFromPosition);
    if (caps.replayFromPosition) {
      expect(metrics.replayed).toBe(produced - from);
      expect(metrics.firstReplayedRecord).toBe(from);
    } else {
      expect(reason).toMatch(/does not support/);
      expect(metrics.replayed).toBeUndefined();
    }
  });

  it.each(TARGET_IDS)(
    "%s replays from a timestamp exactly when it declares replayFromTimestamp",
    (target) => {
      const caps = capabilitiesOf(target);
      const { metrics } = resultFor(results, target);
      if (caps.replayFromTimestamp) {
        expect(metrics.replayedFromTimestamp).toBe(Number(metrics.produced) - Number(metrics.replayFrom));
        expect(metrics.firstReplayedFromTimestamp).toBe(metrics.replayFrom);
      } else {
        expect(metrics.replayedFromTimestamp ?? null).toBeNull();
      }
    },
  );
});
