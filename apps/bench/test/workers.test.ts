import { resolve } from "node:path";
import { LatencyHistogram, loadWorkload, RemoteAgent } from "@brokerlab/bench";
import { newRunId } from "@brokerlab/report";
import { TARGET_IDS } from "@brokerlab/targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBench } from "../src/run-bench.js";
import { connectWorkers } from "../src/workers/connect-workers.js";
import { type LocalWorkers, spawnLocalWorkers } from "../src/workers/spawn-local-workers.js";

// Two real `pnpm bench worker` processes, reached by URL as workers on other machines would be; seconds long.
const repoRoot = resolve(import.meta.dirname, "../../..");
let workers: LocalWorkers | undefined;
beforeAll(async () => {
  workers = await spawnLocalWorkers(2);
}, 60_000);
afterAll(async () => {
  await workers?.stop();
});

describe("bench workers against a real broker", () => {
  it("runs producers and consumers on different workers and merges their counts and histograms", {
    timeout: 90_000,
  }, async () => {
    const urls = workers?.urls ?? [];
    expect(urls).toHaveLength(2);
    const connected = await connectWorkers(
      { kind: "urls", urls },
      loadWorkload("workloads/smoke.yaml", { cwd: repoRoot, targets: TARGET_IDS }).workload,
    );
    expect(connected).toBeDefined();
    const loaded = loadWorkload("workloads/smoke.yaml", {
      cwd: repoRoot,
      targets: TARGET_IDS,
      overrides: { producerRate: 200, testDurationSeconds: 2, warmupDurationSeconds: 0 },
    });
    const results = await runBench({
      loaded,
      targets: ["redis-stream"],
      runId: newRunId(),
      ...(connected ? { workers: connected } : {}),
    });
    const [result] = results.targets;
    expect(result?.error).toBeUndefined();
    expect(results.workers?.map((worker) => worker.url)).toEqual(urls);
    for (const worker of results.workers ?? []) expect(Math.abs(worker.clockSkewMs)).toBeLessThan(1000);
    const roles = result?.processes?.map((process) => [process.role, process.where]);
    expect(roles).toEqual([
      ["coordinator", "in-process"],
      ["producer", urls[0]],
      ["consumer", urls[1]],
    ]);
    const [, producer, consumer] = result?.processes ?? [];
    expect(producer?.published).toBeGreaterThan(0);
    expect(producer?.consumed).toBe(0);
    expect(producer?.usPerRecordPublished).toBeGreaterThan(0);
    expect(consumer?.consumed).toBeGreaterThan(0);
    expect(consumer?.usPerRecordConsumed).toBeGreaterThan(0);
    // Latencies come from the workers' own histograms: publish latency from the producer, end-to-end from the consumer.
    expect(result?.publishLatencyMs?.count).toBeGreaterThan(0);
    expect(result?.endToEndLatencyMs?.count).toBeGreaterThan(0);
    expect(result?.publishRate?.msgPerSec).toBeGreaterThan(0);
    expect(result?.consumeRate?.msgPerSec).toBeGreaterThan(0);
    expect(result?.limit?.kind).toBeDefined();
    // What the broker reports of itself (Redis persistence) sits beside the workload's own settings.
    expect(result?.settings).toMatchObject({ partitions: 1, durability: "leader", consumers: 1 });
    expect(result?.settings?.appendonly).toMatch(/^(yes|no)$/);
    expect(result?.setupSeconds).toBeGreaterThan(0);
  });

  it("leaves each worker idle after the run and ready for the next", async () => {
    for (const url of workers?.urls ?? []) {
      const snapshot = await new RemoteAgent(url).snapshot();
      expect(snapshot.clients).toBe(0);
      expect(LatencyHistogram.decode((await new RemoteAgent(url).histograms()).endToEnd).count).toBe(0);
    }
  });
});
