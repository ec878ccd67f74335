import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const SECRET = "s3cretPassw0rd";
const TMP = mkdtempSync(join(tmpdir(), "brokerlab-bad-input-"));
const A_FILE = join(TMP, "a-file");
writeFileSync(A_FILE, "x");
const HUGE = join(TMP, "huge.yaml");
writeFileSync(HUGE, "topics: 1\nmessageSize: 2147483648\nproducerRate: 10\ntestDurationSeconds: 5\n");
const BIG_RECORD = join(TMP, "big-record.yaml");
writeFileSync(BIG_RECORD, "topics: 1\nmessageSize: 16777216\nproducerRate: 10\ntestDurationSeconds: 5\n");
const BACKLOG = join(TMP, "backlog.yaml");
writeFileSync(
  BACKLOG,
  "name: too-much\ntopics: 1\nmessageSize: 1024\nproducerRate: 1000\nconsumerBacklogSizeGB: 1000000\ntestDurationSeconds: 5\n",
);
/** The Redis the brokers run, for a guard that must read its memory. */
const REAL_REDIS = process.env.BROKERLAB_REDIS_URL ?? "redis://127.0.0.1:6379";
/** A port in this suite's spare range where nothing listens. */
const UNUSED = "127.0.0.1:32001";

const ENV = {
  BROKERLAB_LANG: "en",
  BROKERLAB_DEBUG: "",
  BROKERLAB_RABBITMQ_URL: `amqp://guest:${SECRET}@${UNUSED}`,
  BROKERLAB_REDIS_URL: `redis://:${SECRET}@${UNUSED}`,
  BROKERLAB_KAFKA_BROKERS: UNUSED,
};

const SCRIPTS: Record<string, string> = {
  scenario: "apps/scenarios/src/cli.ts",
  bench: "apps/bench/src/cli.ts",
  monitor: "apps/monitor/src/cli.ts",
  brokers: "tools/brokers/src/cli.ts",
};

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cli: string, args: readonly string[], env: Env = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=source", join(ROOT, SCRIPTS[cli] ?? ""), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...ENV, ...env, INIT_CWD: ROOT },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  } catch {
    return [];
  }
}

type Case = readonly [cli: string, args: readonly string[], code: number, line: RegExp, env?: Env];
type Env = Readonly<Record<string, string>>;
type FullCase = readonly [cli: string, args: readonly string[], code: number, line: RegExp, env: Env];

/** it.each spreads each case into its arguments; a tuple without optional items keeps their types. */
function full(cases: readonly Case[]): FullCase[] {
  return cases.map(([cli, args, code, line, env]) => [cli, args, code, line, env ?? {}] as const);
}

const USAGE: readonly Case[] = [
  [
    "scenario",
    ["--messages", "-5"],
    2,
    /^pnpm scenario: --messages must be a whole number from 4 to 100000, got "-5"$/,
  ],
  ["scenario", ["--messages", "1e3"], 2, /^pnpm scenario: --messages must be a whole number/],
  ["scenario", ["--messages"], 2, /^pnpm scenario: --messages needs a value; see pnpm scenario --help$/],
  ["scenario", ["--bogus"], 2, /^pnpm scenario: unknown flag --bogus; see pnpm scenario --help$/],
  [
    "scenario",
    ["--targets", ""],
    2,
    /^pnpm scenario: --targets is empty; give a value or leave the flag out$/,
  ],
  ["scenario", ["--targets", "kafka,nats"], 2, /^pnpm scenario: unknown target "nats"; valid targets: kafka/],
  ["scenario", ["--targets", "kafka,"], 2, /^pnpm scenario: --targets "kafka," has an empty item/],
  ["scenario", ["--out", ""], 2, /^pnpm scenario: --out is empty/],
  [
    "scenario",
    ["retention", "--out", "/proc/brokerlab"],
    2,
    /^pnpm scenario: --out \/proc\/brokerlab is under \/proc/,
  ],
  [
    "scenario",
    ["retention", "--out", A_FILE],
    2,
    /is a file, not a folder; give a folder such as reports\/my-run$/,
  ],
  ["scenario", ["nope"], 2, /^pnpm scenario: unknown scenario "nope"; valid scenarios: /],
  ["scenario", ["--lang", "fr"], 2, /^pnpm scenario: --lang must be one of en, ko, got "fr"$/],
  ["scenario", ["--json=yes"], 2, /^pnpm scenario: --json takes no value$/],
  [
    "scenario",
    ["failover", "--rate", "-5"],
    2,
    /^pnpm scenario: --rate must be a whole number from 10 to 2000, got "-5"$/,
  ],
  [
    "scenario",
    ["failover", "--seconds", "1000000000"],
    2,
    /--seconds must be a whole number from 6 to 120, got "1000000000"$/,
  ],
  ["scenario", ["failover", "--faults", "crash"], 2, /--faults "crash" is not one of kill, pause, isolate$/],
  ["scenario", ["failover", "--levels", "all"], 2, /--levels "all" is not one of none, leader, replicated$/],
  ["scenario", ["failover", "--nope"], 2, /unknown flag --nope; see pnpm scenario failover --help$/],
  ["scenario", ["failover", "retention"], 2, /failover runs on its own/],
  ["scenario", ["failover", "--out", ""], 2, /--out is empty/],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--rate", "-5"],
    2,
    /^bench: --rate must be a whole number from 0 to 10000000, got "-5"$/,
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--warmup", "-1"],
    2,
    /^bench: --warmup must be a number of seconds from 0 to 86400, got "-1"$/,
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--duration", "1000000000"],
    2,
    /^bench: --duration must be a number of seconds from 1 to 86400/,
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--nope"],
    2,
    /^bench: unknown flag --nope; see pnpm bench --help$/,
  ],
  ["bench", ["--workload", "workloads/smoke.yaml", "--targets", ""], 2, /^bench: --targets is empty/],
  ["bench", ["--workload", "workloads/smoke.yaml", "--out", ""], 2, /^bench: --out is empty/],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--out", "/proc/x"],
    2,
    /^bench: --out \/proc\/x is under \/proc/,
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--out", "/sys/x"],
    2,
    /^bench: --out \/sys\/x is under \/sys/,
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--out", `${A_FILE}/sub`],
    2,
    /which is a file; give a folder/,
  ],
  ["bench", [], 2, /^bench: --workload FILE is required/],
  [
    "bench",
    ["--workload", "workloads/none.yaml"],
    2,
    /^bench: workloads\/none\.yaml: workload file not found/,
  ],
  [
    "bench",
    ["--workload", HUGE],
    2,
    /messageSize: 2147483648 is not valid; expected an integer from 1 to 536870912/,
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "extra"],
    2,
    /^bench: unexpected argument "extra"; see pnpm bench --help$/,
  ],
  [
    "bench",
    ["worker", "--port", "70000"],
    2,
    /^bench: --port must be a whole number from 0 to 65535, got "70000"$/,
  ],
  ["bench", ["compare", "a.json"], 2, /^bench: bench compare needs exactly two results\.json files/],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--workers", "ftp://x"],
    2,
    /^bench: --workers "ftp:\/\/x" is not valid/,
  ],
  ["monitor", ["--port", "-1"], 2, /^monitor: --port must be a whole number from 0 to 65535, got "-1"$/],
  ["monitor", ["--interval", "-5"], 2, /^monitor: --interval must be a number from 0.1 to 3600, got "-5"$/],
  ["monitor", ["--nope"], 2, /^monitor: unknown flag --nope; see pnpm monitor --help$/],
  ["monitor", ["--json"], 2, /^monitor: --json goes with --once/],
  ["monitor", ["--targets", "nats"], 2, /^monitor: unknown target "nats"/],
  ["monitor", ["--queues", ""], 2, /^monitor: --queues is empty/],
  ["brokers", ["frob"], 2, /^pnpm brokers: unknown command "frob"; commands: up, down/],
  ["brokers", ["up", "--bogus"], 2, /^pnpm brokers: unknown option "--bogus" for "up"$/],
  ["brokers", ["logs", "-n", "-5"], 2, /^pnpm brokers: option -n needs a positive whole number, got "-5"$/],
  ["brokers", ["status", "--json=yes"], 2, /^pnpm brokers: option --json takes no value$/],
  ["brokers", ["fault", "kill", "kafka-9"], 2, /^pnpm brokers: unknown node "kafka-9"/],
  // Resource guards: a record the broker refuses, a backlog it cannot hold, refused before a record is sent.
  [
    "bench",
    ["--workload", BIG_RECORD, "--targets", "kafka"],
    2,
    /^bench: workload ".*": a record of 16\.0 MiB \(16777216 bytes\) is more than kafka accepts, \d+ bytes \(.*max\.message\.bytes.*\); lower messageSize to at most \d+$/,
  ],
  [
    "bench",
    ["--workload", BACKLOG, "--targets", "redis-list"],
    2,
    /^bench: workload "too-much" would keep [\d.]+ GiB on redis-list \(consumerBacklogSizeGB 1000000\) but redis can hold [\d.]+ [GMK]iB \(.*\); lower consumerBacklogSizeGB, or /,
    { BROKERLAB_REDIS_URL: REAL_REDIS },
  ],
  // A variable of a target the run uses is checked before any work, naming the variable, value and form.
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--targets", "kafka"],
    2,
    /^bench: BROKERLAB_KAFKA_BROKERS="0x3" is not valid: "0x3" has no port; expected host:port, comma-separated, e\.g\. 127\.0\.0\.1:9092$/,
    { BROKERLAB_KAFKA_BROKERS: "0x3" },
  ],
  [
    "scenario",
    ["retention", "--targets", "redis-stream"],
    2,
    /^pnpm scenario: BROKERLAB_REDIS_URL="redis:\/\/\*\*\*@127\.0\.0\.1:99999" is not valid: port "99999" is not a number from 1 to 65535; expected a redis:\/\/ or rediss:\/\/ URL/,
    { BROKERLAB_REDIS_URL: `redis://:${SECRET}@127.0.0.1:99999` },
  ],
  [
    "bench",
    ["--workload", "workloads/smoke.yaml", "--targets", "rabbitmq-quorum"],
    2,
    /^bench: BROKERLAB_RABBITMQ_URL="http:\/\/\*\*\*@127\.0\.0\.1:5672" is not valid: the scheme is http:\/\/; expected a amqp:\/\/ or amqps:\/\/ URL/,
    { BROKERLAB_RABBITMQ_URL: `http://guest:${SECRET}@127.0.0.1:5672` },
  ],
  [
    "monitor",
    ["--once", "--targets", "kafka"],
    2,
    /^monitor: BROKERLAB_KAFKA_SASL_MECHANISM="bogus" is not valid: it is not a known value; expected one of plain, scram-sha-256, scram-sha-512$/,
    { BROKERLAB_KAFKA_SASL_MECHANISM: "bogus" },
  ],
];

/** Runtime failures: a broker nothing listens for is exit 1, never the usage exit 2. */
const OUT = join(TMP, "unreachable");
const RUNTIME: readonly Case[] = [
  [
    "bench",
    [
      "--workload",
      "workloads/smoke.yaml",
      "--targets",
      "redis-list",
      "--duration",
      "1",
      "--warmup",
      "0",
      "--out",
      OUT,
    ],
    1,
    /redis-list/,
  ],
  // Another broker's bad variable does not fail a run that does not use it: this fails on Redis, not on Kafka.
  [
    "monitor",
    ["--once", "--targets", "redis-list"],
    1,
    /^monitor: .*127\.0\.0\.1:32001/,
    { BROKERLAB_KAFKA_SASL_MECHANISM: "bogus", BROKERLAB_KAFKA_BROKERS: "0x3" },
  ],
];

/** Runs that must succeed although a variable of a broker they do not use is wrong. */
const UNAFFECTED: readonly Case[] = [
  [
    "scenario",
    ["retention", "--messages", "4", "--targets", "redis-list", "--out", join(TMP, "unaffected")],
    0,
    /retention/,
    {
      BROKERLAB_KAFKA_SASL_MECHANISM: "bogus",
      BROKERLAB_KAFKA_BROKERS: "0x3",
      BROKERLAB_REDIS_URL: process.env.BROKERLAB_REDIS_URL ?? "redis://127.0.0.1:6379",
    },
  ],
];

function check(result: Run, cli: string, code: number, line: RegExp, oneLine: boolean): void {
  expect(result.code).toBe(code);
  const lines = result.stderr.trim().split("\n");
  if (oneLine) expect(lines).toHaveLength(1);
  expect(lines.some((text) => line.test(text))).toBe(true);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout + result.stderr).not.toContain(SECRET);
  for (const file of filesUnder(OUT)) expect(readFileSync(file, "utf8")).not.toContain(SECRET);
  expect(cli).toBeTruthy();
}

// A case not done within the bound fails as a hang; concurrent so the suite stays within a few minutes.
describe.concurrent("bad input: one line, the right exit code, no stack, no secret", {
  timeout: 60_000,
}, () => {
  it.each(full(USAGE))("%s %j exits %i", async (cli, args, code, line, env) => {
    // pnpm brokers adds a second line pointing at --help.
    check(await run(cli, args, env), cli, code, line, cli !== "brokers");
  });
  it.each(full(RUNTIME))("%s %j exits %i", async (cli, args, code, line, env) => {
    check(await run(cli, args, env), cli, code, line, false);
  });
  it.each(full(UNAFFECTED))("%s %j exits %i", async (cli, args, code, line, env) => {
    const result = await run(cli, args, env);
    expect(result.stdout).toMatch(line);
    expect(result.stderr).not.toMatch(/BROKERLAB_KAFKA|\n\s+at /);
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });
});
