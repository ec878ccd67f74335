import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { ensureCluster } from "../src/cluster/cluster.js";
import { CLUSTER_NODES } from "../src/cluster/cluster-nodes.js";
import { redisRoundTrip } from "../src/probes.js";
import { REPO_ROOT, settingsFromEnv } from "../src/settings.js";
import { freePortRange } from "./free-ports.js";

const TSX = join(REPO_ROOT, "node_modules", ".bin", "tsx");
const CLI = join(REPO_ROOT, "tools", "brokers", "src", "cli.ts");
const shared = settingsFromEnv();
const stateDir = mkdtempSync(join(tmpdir(), "brokerlab-cli-"));

afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pnpm brokers …` as a user would (same entry point), with extra environment. */
function brokers(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ["--conditions=source", CLI, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, BROKERLAB_STATE_DIR: stateDir, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("pnpm brokers (command line)", () => {
  it("prints usage for --help and per command", async () => {
    const top = await brokers(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: pnpm brokers <command>/);
    const commands = ["up", "down", "status", "logs", "fault", "heal", "leader"];
    const helps = await Promise.all(commands.map((command) => brokers([command, "--help"])));
    helps.forEach((help, index) => {
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: pnpm brokers ${commands[index]}`);
    });
  }, 120_000);

  it("rejects an unknown option with one line, a hint and exit code 2", async () => {
    const run = await brokers(["up", "--kafka-brokerz", "3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'pnpm brokers: unknown option "--kafka-brokerz" for "up"\nRun "pnpm brokers --help" for usage.\n',
    );
    expect(run.stdout).toBe("");
  });

  it("speaks Korean with --lang ko or a Korean locale: help and usage errors", async () => {
    const help = await brokers(["fault", "--help", "--lang", "ko"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^사용법: pnpm brokers fault <fault> <node>/);
    const wrong = await brokers(["fault", "kill", "kafka-9"], {
      LANG: "ko_KR.UTF-8",
      LC_ALL: "",
      BROKERLAB_LANG: "",
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^pnpm brokers: 알 수 없는 노드 "kafka-9"; 노드: kafka-1, /);
    expect(wrong.stderr.trim().split("\n")[1]).toBe('사용법은 "pnpm brokers --help"를 실행하세요.');
  });

  it("starts a missing Redis natively, reuses the running brokers, and down stops only what it started", async () => {
    const port = await freePortRange(1);
    const env = { BROKERLAB_REDIS_URL: `redis://127.0.0.1:${port}`, BROKERLAB_RUNTIME: "native" };
    onTestFinished(async () => {
      await brokers(["down"], env);
    });

    const first = await brokers(["up"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`✓ Redis: started at 127.0.0.1:${port} (brokerlab native, version`);
    expect(first.stdout).toMatch(/✓ Kafka: already running at .* \((external|brokerlab native)/);
    expect(first.stdout).toMatch(/✓ RabbitMQ: already running at/);

    const second = await brokers(["up"], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`✓ Redis: already running at 127.0.0.1:${port} (brokerlab native`);
    expect(second.stdout).not.toContain("started at");

    const status = await brokers(["status", "--json"], env);
    expect(status.code).toBe(0);
    const rows = (
      JSON.parse(status.stdout) as {
        name: string;
        broker: string;
        deployment: string;
        health: string;
        managedBy: string;
        version: string;
      }[]
    ).filter((row) => row.deployment === "single");
    expect(rows.map((row) => [row.name, row.broker, row.deployment])).toEqual([
      ["kafka", "kafka", "single"],
      ["rabbitmq", "rabbitmq", "single"],
      ["redis", "redis", "single"],
    ]);
    expect(rows.map((row) => [row.broker, row.health])).toEqual([
      ["kafka", "healthy"],
      ["rabbitmq", "healthy"],
      ["redis", "healthy"],
    ]);
    expect(rows.find((row) => row.broker === "redis")).toMatchObject({ managedBy: "brokerlab native" });
    expect(rows.find((row) => row.broker === "redis")?.version).toMatch(/^\d+\.\d+\.\d+$/);

    const logs = await brokers(["logs", "redis", "-n", "5"], env);
    expect(logs.stdout).toContain(join(stateDir, "redis", "redis.log"));

    const down = await brokers(["down"], env);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`Redis: stopped (brokerlab native, 127.0.0.1:${port})`);
    expect(down.stdout).toMatch(/RabbitMQ: not started by brokerlab; left as it is/);
    await expect(redisRoundTrip(`redis://127.0.0.1:${port}`, 2000)).rejects.toThrow();
    // The machine's own Redis (the one the rest of the tests use) is untouched.
    await expect(redisRoundTrip(shared.redisUrl)).resolves.toMatchObject({ version: expect.any(String) });
  }, 120_000);

  it("refuses a fault on a node this cluster folder did not start, in one line", async () => {
    // The shared cluster may well run kafka-1, but not from this (empty) cluster folder.
    const run = await brokers(["fault", "kill", "kafka-1"], {
      BROKERLAB_CLUSTER_DIR: join(stateDir, "no-cluster"),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'pnpm brokers: kafka-1 is not running under pnpm brokers (faults act only on the nodes "pnpm brokers up --cluster" started); start it with: pnpm brokers fault start kafka-1\n',
    );
  });

  it("lists every cluster node in status --json with its role, health and pid", async () => {
    await ensureCluster();
    const status = await brokers(["status", "--json", "--cluster"]);
    expect(status.stderr).toBe("");
    const rows = JSON.parse(status.stdout) as {
      name: string;
      broker: string;
      role: string;
      address: string;
      health: string;
      pid: number | null;
    }[];
    expect(rows.map((row) => row.name)).toEqual(CLUSTER_NODES.map((node) => node.name));
    for (const row of rows) {
      expect(row).toMatchObject({
        health: "healthy",
        pid: expect.any(Number),
        address: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      });
    }
    const roles = (broker: string) =>
      rows
        .filter((row) => row.name.startsWith(broker))
        .map((row) => row.role)
        .sort();
    expect(roles("kafka")).toContain("active controller");
    expect(roles("rabbitmq")).toEqual(["running member", "running member", "running member"]);
    expect(roles("redis")).toEqual(["primary", "replica", "replica"]);
    expect(roles("sentinel")).toEqual(["sentinel", "sentinel", "sentinel"]);
    expect(status.code).toBe(0);
  }, 300_000);

  it("names the process that holds a broker's port instead of starting over it", async () => {
    const port = await freePortRange(1);
    const impostor = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => impostor.listen(port, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => impostor.close(() => resolve())));

    const run = await brokers(["up"], {
      BROKERLAB_REDIS_URL: `redis://127.0.0.1:${port}`,
      BROKERLAB_RUNTIME: "native",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`✗ Redis cannot start: port 127\\.0\\.0\\.1:${port} is taken by pid \\d+`),
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
  }, 60_000);
});
