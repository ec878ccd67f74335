import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { BENCH_RESULTS_SCHEMA, type BenchResults, loadWorkload } from "@brokerlab/bench";
import { checkOutputFolder, reportFailure } from "@brokerlab/cli";
import { langOrDefault } from "@brokerlab/i18n";
import { InvalidArgumentError } from "@brokerlab/messaging";
import { newRunId, renderTable, type Table } from "@brokerlab/report";
import { checkSettings, TARGET_IDS } from "@brokerlab/targets";
import {
  type BenchArgs,
  parseBenchArgs,
  parseCompareArgs,
  parseWorkerArgs,
  usage,
  warmupSeconds,
  workloadOverrides,
} from "./args.js";
import { compareResults, unmatchedTargets } from "./compare/compare-results.js";
import { checkRecordSize, checkResources } from "./guards/resource-guard.js";
import { type BenchMessages, benchMessagesFor } from "./i18n/index.js";
import { endProgressLine, progressPrinter } from "./progress.js";
import { summaryTable, yardstickTable } from "./report/bench-report.js";
import { runBench, writeBenchReport } from "./run-bench.js";
import { runSoak } from "./soak/run-soak.js";
import { connectWorkers } from "./workers/connect-workers.js";
import { runWorker } from "./workers/run-worker.js";
import { runConsumeYardstick } from "./yardstick/consume-yardstick.js";
import { END_TO_END_WORKLOAD, runEndToEndYardstick } from "./yardstick/end-to-end-yardstick.js";
import { DEFAULT_YARDSTICK_WORKLOAD, runYardstick } from "./yardstick/run-yardstick.js";

/** `--soak` without `--workload`: one topic per target at a moderate rate (repo-relative). */
const SOAK_WORKLOAD = "workloads/soak.yaml";

/** Where the user ran `pnpm bench` (pnpm runs scripts from the repo root). */
const cwd = process.env.INIT_CWD ?? process.cwd();

function load(args: BenchArgs, file: string, m: BenchMessages) {
  const loaded = loadWorkload(file, { cwd, targets: TARGET_IDS, overrides: workloadOverrides(args) });
  const workload = {
    ...loaded.workload,
    warmupDurationSeconds: warmupSeconds(args, loaded.workload.warmupDurationSeconds),
  };
  for (const warning of loaded.warnings) process.stderr.write(`${m.cli.warning(warning)}\n`);
  return { ...loaded, workload };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "worker") return worker(argv.slice(1));
  if (argv[0] === "compare") return compare(argv.slice(1));
  const args = parseBenchArgs(argv, benchMessagesFor(langOrDefault(argv)));
  // Every adapter reads its addresses for the deployment from the environment; workers inherit it.
  if (args.cluster) process.env.BROKERLAB_DEPLOYMENT = "cluster";
  const m = benchMessagesFor(args.lang);
  if (args.help) {
    process.stdout.write(`${usage(m)}\n`);
    return 0;
  }
  // Only the targets run: another broker's variable never fails this run.
  checkSettings(args.targets);
  const runId = newRunId();
  // Checked before the run: a folder that cannot hold the reports would lose them after it.
  const out = args.out ? checkOutputFolder("--out", args.out, cwd) : resolve(cwd, `reports/bench-${runId}`);
  const run: BenchRun = { args, m, runId, out };
  if (args.yardstick) return yardstickCommand(run);
  if (args.soak !== undefined) return soakCommand(run);
  return workloadCommand(run);
}

/** What every kind of run shares: the arguments, the language, the run id and the reports' folder. */
interface BenchRun {
  readonly args: BenchArgs;
  readonly m: BenchMessages;
  readonly runId: string;
  readonly out: string;
}

/** Each side of the yardstick: its runner and the workload it uses without --workload. */
const YARDSTICK_SIDES = {
  publish: { run: runYardstick, workload: DEFAULT_YARDSTICK_WORKLOAD },
  consume: { run: runConsumeYardstick, workload: DEFAULT_YARDSTICK_WORKLOAD },
  "end-to-end": { run: runEndToEndYardstick, workload: END_TO_END_WORKLOAD },
} as const;

/** `pnpm bench --yardstick [--consume | --end-to-end]`: adapter, raw client and native tool per target. */
async function yardstickCommand(run: BenchRun): Promise<number> {
  const { args, m, runId } = run;
  const side = YARDSTICK_SIDES[args.side];
  const loaded = load(args, args.workload ?? resolve(import.meta.dirname, "../../..", side.workload), m);
  checkRecordSize(loaded, args.targets);
  const results = await side.run({
    loaded,
    targets: args.targets,
    runId,
    // Not the workload's test duration: an OMB file says 15 minutes, per measurement that would be hours.
    seconds: args.duration ?? 60,
    onProgress: progressPrinter(m),
    log: (line) => {
      endProgressLine();
      process.stderr.write(`${line}\n`);
    },
  });
  endProgressLine();
  await writeAndPrint(run, results, yardstickTable(results.yardstick ?? [], m));
  return 0;
}

/** `pnpm bench --soak MINUTES`: every target at once, memory once a minute. */
async function soakCommand(run: BenchRun): Promise<number> {
  const { args, m, runId } = run;
  const loaded = load(args, args.workload ?? resolve(import.meta.dirname, "../../..", SOAK_WORKLOAD), m);
  checkRecordSize(loaded, args.targets);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results = await runSoak({ loaded, targets: args.targets, runId, log, messages: m });
  await writeAndPrint(run, results, summaryTable(results, m));
  return results.targets.every((result) => result.ok) ? 0 : 1;
}

/** `pnpm bench --workload FILE`: the workload on each target in turn, on workers when asked. */
async function workloadCommand(run: BenchRun): Promise<number> {
  const { args, m, runId } = run;
  const loaded = load(args, args.workload ?? "", m);
  const { workload } = loaded;
  // Before a record is sent: a record the broker refuses, or a backlog it cannot hold, is a usage mistake.
  await checkResources(loaded, args.targets);
  const workers = await connectWorkers(args.workers, workload);
  if (workers) {
    const where = workers.infos.map((info) => `${info.url} (pid ${info.pid}, clock ${info.clockSkewMs} ms)`);
    process.stderr.write(`${m.cli.workers(where.join(", "))}\n`);
  }
  process.stderr.write(
    `${m.cli.starting(String(workload.name), args.targets.join(", "), workload.warmupDurationSeconds, workload.testDurationSeconds)}\n`,
  );
  const results = await runBench({
    loaded,
    targets: args.targets,
    runId,
    ...(workers ? { workers } : {}),
    onProgress: progressPrinter(m),
    onTargetDone: (result) => {
      endProgressLine();
      const summary = result.ok
        ? m.cli.targetSummary(
            String(result.publishRate?.msgPerSec),
            String(result.consumeRate?.msgPerSec),
            String(result.endToEndLatencyMs?.p99),
          )
        : m.cli.failed(String(result.error));
      process.stderr.write(`${m.cli.targetDone(result.target, summary)}\n`);
    },
  }).finally(() => workers?.stop());
  await writeAndPrint(run, results, summaryTable(results, m));
  return results.targets.every((result) => result.ok) ? 0 : 1;
}

/** Writes the reports, prints `table` and where the reports are. */
async function writeAndPrint(run: BenchRun, results: BenchResults, table: Table): Promise<void> {
  const written = await writeBenchReport(run.out, results, run.args.lang);
  process.stdout.write(`${renderTable(table)}\n`);
  process.stdout.write(`\n${run.m.cli.reports(written.json, written.markdown, written.html)}\n`);
}

async function worker(argv: readonly string[]): Promise<number> {
  const args = parseWorkerArgs(argv);
  if (args.help) {
    process.stdout.write(`${benchMessagesFor(langOrDefault(argv)).worker.usage}\n`);
    return 0;
  }
  await runWorker(args.port, args.host);
  return 0;
}

async function compare(argv: readonly string[]): Promise<number> {
  const messages = benchMessagesFor(langOrDefault(argv));
  const args = parseCompareArgs(argv, messages);
  if (args.help || args.files.length === 0) {
    process.stdout.write(`${messages.compare.usage}\n`);
    return 0;
  }
  const m = messages.compare;
  const [a, b] = args.files.map((file) => readResults(file, m)) as [BenchResults, BenchResults];
  process.stdout.write(`${m.run("A", String(args.files[0]), a.runId, a.workers?.length)}\n`);
  process.stdout.write(`${m.run("B", String(args.files[1]), b.runId, b.workers?.length)}\n`);
  process.stdout.write(`${renderTable(compareResults(a, b, m))}\n`);
  for (const line of unmatchedTargets(a, b, m)) process.stdout.write(`${line}\n`);
  return 0;
}

function readResults(file: string, m: BenchMessages["compare"]): BenchResults {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new InvalidArgumentError(m.notFound(file));
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new InvalidArgumentError(m.notJson(file));
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  if (schema !== BENCH_RESULTS_SCHEMA) {
    throw new InvalidArgumentError(m.wrongSchema(file, BENCH_RESULTS_SCHEMA, String(schema)));
  }
  return parsed as BenchResults;
}

main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      endProgressLine();
      process.exitCode = reportFailure("bench", error);
    },
  )
  // Client libraries may keep sockets or timers alive after close; the run is over, so leave.
  .finally(() => setTimeout(() => process.exit(), 500).unref());
