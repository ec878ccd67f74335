import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { BENCH_RESULTS_SCHEMA, type BenchResults, loadWorkload, WorkloadError } from "@brokerlab/bench";
import { langOrDefault } from "@brokerlab/i18n";
import { InvalidArgumentError, isBrokerlabError } from "@brokerlab/messaging";
import { newRunId, renderTable } from "@brokerlab/report";
import { TARGET_IDS } from "@brokerlab/targets";
import {
  type BenchArgs,
  COMPARE_USAGE,
  parseBenchArgs,
  parseCompareArgs,
  parseWorkerArgs,
  usage,
  WORKER_USAGE,
  warmupSeconds,
  workloadOverrides,
} from "./args.js";
import { compareResults, unmatchedTargets } from "./compare/compare-results.js";
import { type BenchMessages, benchMessagesFor } from "./i18n/index.js";
import { endProgressLine, progressPrinter } from "./progress.js";
import { summaryTable, yardstickTable } from "./report/bench-report.js";
import { runBench, writeBenchReport } from "./run-bench.js";
import { connectWorkers } from "./workers/connect-workers.js";
import { runWorker } from "./workers/run-worker.js";
import { DEFAULT_YARDSTICK_WORKLOAD, runYardstick } from "./yardstick/run-yardstick.js";

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
  const runId = newRunId();
  const out = resolve(cwd, args.out ?? `reports/bench-${runId}`);
  const onProgress = progressPrinter(m);

  if (args.yardstick) {
    const loaded = load(
      args,
      args.workload ?? resolve(import.meta.dirname, "../../..", DEFAULT_YARDSTICK_WORKLOAD),
      m,
    );
    const results = await runYardstick({
      loaded,
      targets: args.targets,
      runId,
      // Not the workload's test duration: an OMB file says 15 minutes, per measurement that would be hours.
      seconds: args.duration ?? 60,
      onProgress,
      log: (line) => {
        endProgressLine();
        process.stderr.write(`${line}\n`);
      },
    });
    endProgressLine();
    const written = await writeBenchReport(out, results, args.lang);
    process.stdout.write(`${renderTable(yardstickTable(results.yardstick ?? [], m))}\n`);
    process.stdout.write(`\n${m.cli.reports(written.json, written.markdown, written.html)}\n`);
    return 0;
  }

  const loaded = load(args, args.workload ?? "", m);
  const { workload } = loaded;
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
    onProgress,
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
  const written = await writeBenchReport(out, results, args.lang);
  process.stdout.write(`${renderTable(summaryTable(results, m))}\n`);
  process.stdout.write(`\n${m.cli.reports(written.json, written.markdown, written.html)}\n`);
  return results.targets.every((result) => result.ok) ? 0 : 1;
}

async function worker(argv: readonly string[]): Promise<number> {
  const args = parseWorkerArgs(argv);
  if (args.help) {
    process.stdout.write(`${WORKER_USAGE}\n`);
    return 0;
  }
  await runWorker(args.port, args.host);
  return 0;
}

async function compare(argv: readonly string[]): Promise<number> {
  const args = parseCompareArgs(argv);
  if (args.help || args.files.length === 0) {
    process.stdout.write(`${COMPARE_USAGE}\n`);
    return 0;
  }
  const [a, b] = args.files.map((file) => readResults(file)) as [BenchResults, BenchResults];
  process.stdout.write(
    `A: ${args.files[0]} (${a.runId}${a.workers ? `, ${a.workers.length} workers` : ", in-process"})\n`,
  );
  process.stdout.write(
    `B: ${args.files[1]} (${b.runId}${b.workers ? `, ${b.workers.length} workers` : ", in-process"})\n`,
  );
  process.stdout.write(`${renderTable(compareResults(a, b))}\n`);
  for (const line of unmatchedTargets(a, b)) process.stdout.write(`${line}\n`);
  return 0;
}

function readResults(file: string): BenchResults {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new InvalidArgumentError(`${file} not found; pass a bench run's results.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new InvalidArgumentError(`${file} is not JSON; pass a bench run's results.json`);
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  if (schema !== BENCH_RESULTS_SCHEMA) {
    throw new InvalidArgumentError(
      `${file} is not ${BENCH_RESULTS_SCHEMA} (schema: ${String(schema)}); pass a bench run's results.json`,
    );
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
      if (error instanceof WorkloadError || (isBrokerlabError(error) && error.userFacing)) {
        process.stderr.write(`bench: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(
        `bench: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  )
  // Client libraries may keep sockets or timers alive after close; the run is over, so leave.
  .finally(() => setTimeout(() => process.exit(), 500).unref());
