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
  });
});
