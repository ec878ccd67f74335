import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BenchResults, loadWorkload } from "@brokerlab/bench";
import { checkHtmlInBrowser, newRunId } from "@brokerlab/report";
import { TARGET_IDS } from "@brokerlab/targets";
import { afterAll, describe, expect, it } from "vitest";
import { runBench, writeBenchReport } from "../src/run-bench.js";

// Seconds long on purpose (CI): every target at a tiny rate, no warm-up, two measured seconds.
const repoRoot = resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(join(tmpdir(), "bl-bench-smoke-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("pnpm bench smoke run against the real brokers", () => {
  let results: BenchResults | undefined;

  it("measures rates, latencies and a time series on every target", { timeout: 120_000 }, async () => {
    const loaded = loadWorkload("workloads/smoke.yaml", {
      cwd: repoRoot,
      targets: TARGET_IDS,
      overrides: { producerRate: 100, testDurationSeconds: 2, warmupDurationSeconds: 0 },
    });
    results = await runBench({ loaded, targets: [...TARGET_IDS], runId: newRunId() });
    await writeBenchReport(out, results);

    expect(results.schema).toBe("brokerlab.bench-results/1");
    for (const result of results.targets) {
      expect({ target: result.target, error: result.error }).toEqual({
        target: result.target,
        error: undefined,
      });
      expect(result.publishRate?.msgPerSec).toBeGreaterThan(0);
      expect(result.consumeRate?.msgPerSec).toBeGreaterThan(0);
      expect(result.publishLatencyMs?.count).toBeGreaterThan(0);
      expect(result.endToEndLatencyMs?.count).toBeGreaterThan(0);
      expect(result.endToEndLatencyMs?.p50).toBeLessThanOrEqual(result.endToEndLatencyMs?.max ?? 0);
      expect(result.publishDelayUs?.count).toBeGreaterThan(0);
      expect(result.timeSeries).toHaveLength(2);
      expect(result.clientCpu?.percentOfOneCore).toBeGreaterThan(0);
    }
    const written = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as BenchResults;
    expect(written.targets.map((result) => result.target)).toEqual([...TARGET_IDS]);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("| publish (msg/s) |");
  });

  it("writes an HTML report that renders in headless Chromium with its charts", async () => {
    expect(results).toBeDefined();
    const check = await checkHtmlInBrowser(join(out, "report.html"));
    expect(check.consoleErrors).toEqual([]);
    expect(check.failedRequests).toEqual([]);
    expect(check.title).toContain("Benchmark: smoke");
    // Throughput bars, publish/consume/backlog over time, publish and end-to-end percentile curves.
    expect(check.svgCharts).toBe(6);
  });
});
