import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
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
    for (const command of ["up", "down", "status", "logs"]) {
      const help = await brokers([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: pnpm brokers ${command}`);
    }
  });

  it("rejects an unknown option with one line, a hint and exit code 2", async () => {
    const run = await brokers(["up", "--kafka-brokerz", "3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'pnpm brokers: unknown option "--kafka-brokerz" for "up"\nRun "pnpm brokers --help" for usage.\n',
    );
    expect(run.stdout).toBe("");
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
    const rows = JSON.parse(status.stdout) as {
      broker: string;
      health: string;
      managedBy: string;
      version: string;
    }[];
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
