import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("lag scenario", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("lag");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)("%s reports lag over time until a slow consumer has caught up", (target) => {
    const { supported, metrics, series } = resultFor(results, target);
    expect(supported).toBe(true);
    expect(metrics.consumed).toBe(metrics.produced);
    expect(metrics.finalLag).toBe(0);
    expect(metrics.caughtUpSeconds).toEqual(expect.any(Number));
    expect(series?.lag?.length).toBe(metrics.samples);
    // The lag reported never exceeds what was produced.
    expect(Number(metrics.maxLag)).toBeLessThanOrEqual(Number(metrics.produced));
    // pnpm monitor's evaluator on the same samples: WARN while the consumer falls behind, OK once caught up,
    // and STOP after the consumer stopped while the producer went on. (Before the second move a one-commit
    // window with lag reads STALL, as in Burrow.)
    const statuses = String(metrics.statusTimeline)
      .split(" → ")
      .map((step) => step.split(" ")[1]);
    // WARN needs the window to hold moves whose lag only grew: the first move reads STALL, so at least four
    // samples while the producer runs. A target whose lag takes long to read (rabbitmq-stream counts its stream,
    // Kafka asks the group coordinator) may get fewer under load, and then the timeline cannot show it.
    if (Number(metrics.samplesWhileProducing) >= 4) expect(metrics.sawWarn).toBe(true);
    expect(statuses.at(-2)).toBe("OK");
    expect(metrics.stoppedStatus).toBe("STOP");
    expect(series?.lagSeconds?.length).toBeGreaterThan(0);
  });
});
