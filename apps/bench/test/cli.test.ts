import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(join(tmpdir(), "bl-bench-cli-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function bench(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    join(repoRoot, "node_modules/.bin/tsx"),
    ["--conditions=source", "apps/bench/src/cli.ts", ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, INIT_CWD: repoRoot, ...env },
      encoding: "utf8",
      timeout: 90_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("pnpm bench command line", () => {
  it("prints usage for --help", () => {
    const { code, stdout } = bench(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("pnpm bench --workload FILE");
  });

  it("speaks Korean with --lang ko or a Korean locale: help and usage errors", () => {
    const help = bench(["--help", "--lang", "ko"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^사용법:/);
    const missing = bench([], { LANG: "ko_KR.UTF-8", LC_ALL: "", BROKERLAB_LANG: "" });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      "bench: --workload FILE이 필요합니다 (예: --workload workloads/smoke.yaml); --help를 보세요",
    );
    const wrong = bench(["--help", "--lang", "fr"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('bench: --lang must be one of en, ko, got "fr"');
  });

  it("answers a bad flag or a bad workload with one line and exit 2", () => {
    const flag = bench(["--workload", "workloads/smoke.yaml", "--duration", "soon"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split("\n")).toEqual([
      'bench: --duration must be a number of seconds from 1 to 86400, got "soon"',
    ]);
    const missing = bench(["--workload", "workloads/none.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      "bench: workloads/none.yaml: workload file not found; pass an existing YAML file, e.g. workloads/smoke.yaml",
    );
  });

  it("answers bench compare and bench worker mistakes with one line and exit 2 (unreachable workers: 1)", () => {
    const compare = bench(["compare", "workloads/smoke.yaml", "nowhere.json"]);
    expect(compare.code).toBe(2);
    expect(compare.stderr.trim()).toBe(
      "bench: workloads/smoke.yaml is not JSON; pass a bench run's results.json",
    );
    const worker = bench(["worker", "--port", "x"]);
    expect(worker.code).toBe(2);
    expect(worker.stderr.trim()).toBe('bench: --port must be a whole number from 0 to 65535, got "x"');
    const workers = bench([
      "--workload",
      "workloads/smoke.yaml",
      "--workers",
      "http://127.0.0.1:59999",
      "--duration",
      "1",
    ]);
    // Unreachable workers are a failed run, not a usage mistake.
    expect(workers.code).toBe(1);
    expect(workers.stderr.trim()).toMatch(
      /^bench: cannot reach http:\/\/127\.0\.0\.1:59999: .*pnpm bench worker --port P`$/,
    );
  });

  it("reports an unreachable broker by address and still runs the other targets", {
    timeout: 90_000,
  }, async () => {
    const { code, stdout, stderr } = bench(
      [
        "--workload",
        "workloads/smoke.yaml",
        "--targets",
        "redis-list,rabbitmq-queue",
        "--duration",
        "1",
        "--warmup",
        "0",
        "--out",
        out,
      ],
      { BROKERLAB_REDIS_URL: "redis://127.0.0.1:1" },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[redis-list\] done: FAILED: .*127\.0\.0\.1:1/);
    expect(stderr).not.toMatch(/\n\s+at /);
    // The table wraps a long target id in its header (rabbitmq- / queue) to keep the columns narrow.
    expect(stdout).toMatch(/│ rabbitmq- +│\n.*│ queue +│/);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    const [redis, rabbit] = results.targets;
    expect(redis).toMatchObject({ target: "redis-list", ok: false });
    expect(redis.error).toContain("127.0.0.1:1");
    expect(rabbit).toMatchObject({ target: "rabbitmq-queue", ok: true });
    expect(rabbit.publishRate.msgPerSec).toBeGreaterThan(0);
  });
});
