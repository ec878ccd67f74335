import { resolve } from "node:path";
import { loadWorkload } from "@brokerlab/bench";
import { newRunId } from "@brokerlab/report";
import { TARGET_IDS } from "@brokerlab/targets";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { runConsumeYardstick } from "../src/yardstick/consume-yardstick.js";
import { DEFAULT_YARDSTICK_WORKLOAD } from "../src/yardstick/run-yardstick.js";

// Seconds long on purpose (CI): one round on redis-list and redis-stream, targets without a native consumer
// tool (nothing to resolve first). The ratios themselves are for `pnpm bench --yardstick --consume` runs.
const repoRoot = resolve(import.meta.dirname, "../../..");
const redis = new Redis(process.env.BROKERLAB_REDIS_URL || "redis://127.0.0.1:6379", { lazyConnect: true });
afterAll(() => redis.disconnect());

describe("pnpm bench --yardstick --consume, one short round against the real Redis", () => {
  it("consumes what each slice filled through adapter and raw loop, then removes what it wrote", {
    timeout: 60_000,
  }, async () => {
    const runId = newRunId();
    const lines: string[] = [];
    const results = await runConsumeYardstick({
      loaded: loadWorkload(DEFAULT_YARDSTICK_WORKLOAD, { cwd: repoRoot, targets: TARGET_IDS }),
      targets: ["redis-list", "redis-stream"],
      runId,
      seconds: 2,
      log: (line) => lines.push(line),
    });

    const entries = results.yardstick ?? [];
    expect(entries.map((entry) => entry.target)).toEqual(["redis-list", "redis-stream"]);
    for (const entry of entries) {
      expect(entry.side).toBe("consume");
      // No slice ran out of time: every record filled was consumed and acknowledged on both paths.
      expect(entry.notes.filter((note) => /fail|of \d+ records/i.test(note))).toEqual([]);
      expect(entry.adapterVsRaw).toBeGreaterThan(0);
      expect(entry.cpu?.adapter.consumed).toBeGreaterThanOrEqual(2 * 2_000);
      expect(entry.cpu?.raw?.consumed).toBe(entry.cpu?.adapter.consumed);
      expect(entry.cpu?.raw?.usPerRecordConsumed).toBeGreaterThan(0);
    }
    expect(lines.filter((line) => line.includes("round 1/1"))).toHaveLength(2);
    await redis.connect();
    expect(await redis.keys(`*bl-yard-${runId}*`)).toEqual([]);
  });
});
