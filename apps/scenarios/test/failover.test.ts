import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHistory } from "../src/failover/check-history.js";
import { readHistory } from "../src/failover/history-file.js";
import type { RunResults, TargetResult } from "../src/results.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "apps/scenarios/src/cli.ts");
/** Bring-up of the cluster if needed, three broker phases of ~9 s each, restarts and read-backs. */
const RUN_MS = 360_000;
/** Both Kafka clients: acks=all and the idempotent producer hold on either. */
const KAFKA_TARGETS = ["kafka", "kafka-rdkafka"];

let out = "";
let run: RunResults | undefined;
let stderr = "";

function column(target: string, variant: string): TargetResult {
  const result = run?.scenarios[0]?.results.find((r) => r.target === target && r.variant === variant);
  if (!result) throw new Error(`no ${target} ${variant} column; stderr:\n${stderr}`);
  if (result.error) throw new Error(`${target} ${variant} failed: ${result.reason}`);
  return result;
}

describe("pnpm scenario failover on the cluster: every target and level, the leader SIGKILLed once per broker", () => {
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "bl-failover-"));
    const child = spawnSync(
      TSX,
      ["--conditions=source", CLI, "failover", "--seconds", "9", "--rate", "150", "--out", out],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: RUN_MS - 10_000,
      },
    );
    stderr = child.stderr;
    if (existsSync(join(out, "results.json")))
      run = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
  }, RUN_MS);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it.each(KAFKA_TARGETS)(
    "%s acks=all (RF 3, min.insync.replicas 2) loses no acknowledged record and invents none",
    (target) => {
      const { metrics } = column(target, "replicated kill");
      expect(metrics.acknowledged).toBeGreaterThan(0);
      expect(metrics.faultNode).toBe(metrics.leaderBefore);
      expect(metrics.lost).toBe(0);
      expect(metrics.unexpected).toBe(0);
    },
  );

  // The application never re-sends in the idempotent column: every retry is the client's own, and the broker
  // drops the copies those retries write. (kafkajs did store one twice until its sends went one at a time.)
  it.each(KAFKA_TARGETS)(
    "%s with the idempotent producer stores no record twice and loses none",
    (target) => {
      const { metrics } = column(target, "idempotent kill");
      expect(metrics.acknowledged).toBeGreaterThan(0);
      expect(metrics.retries).toBe(0);
      expect(metrics.duplicates).toBe(0);
      expect(metrics.lost).toBe(0);
    },
  );

  it("a RabbitMQ quorum queue with publisher confirms loses no acknowledged record", () => {
    const { metrics } = column("rabbitmq-quorum", "replicated kill");
    expect(metrics.acknowledged).toBeGreaterThan(0);
    expect(metrics.faultNode).toBe(metrics.leaderBefore);
    expect(metrics.lost).toBe(0);
  });

  it("every other column leaves a complete, checkable history whose checker output is the reported metrics", async () => {
    const results = run?.scenarios[0]?.results ?? [];
    expect(results.length).toBeGreaterThanOrEqual(12);
    for (const result of results) {
      expect(result.error, `${result.target} ${result.variant}: ${result.reason}`).toBeUndefined();
      expect(result.history).toMatch(
        /^failover\/.+-(none|leader|replicated|idempotent)-kill\.history\.jsonl$/,
      );
      const events = await readHistory(join(out, result.history ?? ""));
      expect(events[0]?.type).toBe("run");
      expect(events.some((e) => e.type === "fault")).toBe(true);
      expect(events.some((e) => e.type === "recover")).toBe(true);
      expect(events.some((e) => e.type === "read-done" && e.reader === "fresh")).toBe(true);
      expect(result.metrics.attempted).toBeGreaterThan(0);
      expect(checkHistory(events)).toEqual(result.metrics);
    }
  });

  it("writes the tables, the report files and a timeline per target", async () => {
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).toContain("kafka: publishes over time");
    expect(html).toContain("rabbitmq-quorum: replicas in sync");
    expect(await readFile(join(out, "report.md"), "utf8")).toContain("| metric | kafka none kill |");
  });
});
