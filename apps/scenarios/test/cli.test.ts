import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "apps/scenarios/src/cli.ts");

function scenario(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(TSX, ["--conditions=source", CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("pnpm scenario command line", () => {
  it.each([
    [["--bogus"], /^pnpm scenario: unknown flag --bogus; see pnpm scenario --help$/],
    [
      ["retention", "--targets", "kafka,nats"],
      /^pnpm scenario: unknown target "nats"; valid targets: kafka, /,
    ],
    [["nope"], /^pnpm scenario: unknown scenario "nope"; valid scenarios: retention, /],
    [
      ["--messages", "lots"],
      /^pnpm scenario: --messages must be a whole number from 4 to 100000, got "lots"$/,
    ],
    [["--messages", "0"], /--messages must be a whole number/],
    [["--messages"], /^pnpm scenario: --messages needs a value/],
  ])("%j is a usage error: one line, exit 2, no stack", (args, message) => {
    const { code, stdout, stderr } = scenario(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("speaks Korean with --lang ko or a Korean locale: usage errors and help", () => {
    const flag = scenario(["--bogus", "--lang", "ko"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim()).toBe("pnpm scenario: 알 수 없는 옵션 --bogus; pnpm scenario --help를 보세요");
    const help = scenario(["--help"], { LANG: "ko_KR.UTF-8", LC_ALL: "", BROKERLAB_LANG: "" });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^사용법: pnpm scenario/);
    expect(help.stdout).toContain("--lang en|ko");
  });

  it("--help lists the scenarios, targets and defaults", () => {
    const { code, stdout } = scenario(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: pnpm scenario <name…|all>");
    expect(stdout).toContain("partitions-increase");
    expect(stdout).toContain("rabbitmq-stream");
    expect(stdout).toContain("default 200");
  });

  it("names an unreachable broker in one line, still runs the other targets and reports the failed one", async () => {
    const out = await mkdtemp(join(tmpdir(), "bl-scenario-cli-"));
    dirs.push(out);
    const { code, stdout, stderr } = scenario(
      ["partitions-increase", "--targets", "redis-list,rabbitmq-queue", "--json", "--out", out],
      { BROKERLAB_REDIS_URL: "redis://127.0.0.1:1" },
    );
    expect(code).toBe(1);
    const connectLines = stderr.split("\n").filter((line) => line.includes("127.0.0.1:1"));
    expect(connectLines[0]).toMatch(/^✗ redis-list: cannot reach 127\.0\.0\.1:1/);
    expect(stderr).not.toMatch(/\n\s+at /);
    const printed = JSON.parse(stdout);
    const saved = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
    expect(saved).toEqual(printed);
    expect(printed.schema).toBe("brokerlab.scenario-results/1");
    expect(printed.brokers["redis-list"].error).toMatch(/127\.0\.0\.1:1/);
    expect(printed.brokers["rabbitmq-queue"].version).toEqual(expect.any(String));
    const results = printed.scenarios[0].results;
    expect(results.map((r: { target: string }) => r.target)).toEqual(["redis-list", "rabbitmq-queue"]);
    expect(results[0]).toMatchObject({ supported: false, error: true });
    expect(results[0].reason).toMatch(/127\.0\.0\.1:1/);
    expect(results[1].error).toBeUndefined();
  }, 120_000);
});
