import { resolve } from "node:path";
import { loadWorkload } from "@brokerlab/bench";
import { newRunId } from "@brokerlab/report";
import { TARGET_IDS } from "@brokerlab/targets";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_YARDSTICK_WORKLOAD, runYardstick } from "../src/yardstick/run-yardstick.js";

// Seconds long on purpose (CI): one round on redis-list, the target whose native tool (redis-benchmark) is
// always beside the Redis server. The ratios themselves are for `pnpm bench --yardstick` runs, not assertions.
const repoRoot = resolve(import.meta.dirname, "../../..");
const redis = new Redis(process.env.BROKERLAB_REDIS_URL || "redis://127.0.0.1:6379", { lazyConnect: true });
afterAll(() => redis.disconnect());

describe("pnpm bench --yardstick, one short round against the real Redis", () => {
  it("measures adapter, raw client and redis-benchmark, then removes what it wrote", {
    timeout: 60_000,
  }, async () => {
    const runId = newRunId();
    const lines: string[] = [];
    const results = await runYardstick({
      loaded: loadWorkload(DEFAULT_YARDSTICK_WORKLOAD, { cwd: repoRoot, targets: TARGET_IDS }),
      targets: ["redis-list"],
      runId,
      seconds: 2,
      log: (line) => lines.push(line),
    });

    const [entry] = results.yardstick ?? [];
    expect(entry?.target).toBe("redis-list");
    expect(entry?.notes.filter((note) => /fail/i.test(note))).toEqual([]);
    expect(entry?.adapterMsgPerSec).toBeGreaterThan(0);
    expect(entry?.rawClientMsgPerSec).toBeGreaterThan(0);
    expect(entry?.adapterVsRaw).toBeGreaterThan(0);
    expect(entry?.nativeTool).toBe("redis-benchmark LPUSH");
    expect(entry?.nativeMsgPerSec).toBeGreaterThan(0);
    // One round is adapter, raw, raw, adapter: four one-second slices after a warm-up of each path.
    expect(lines.filter((line) => line.includes("round 1/1"))).toHaveLength(1);
    await redis.connect();
    expect(await redis.keys(`*bl-yard-${runId}*`)).toEqual([]);
  });
});
