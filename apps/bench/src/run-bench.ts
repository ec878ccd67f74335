import { cpus } from "node:os";
import { resolve } from "node:path";
import {
  BENCH_RESULTS_SCHEMA,
  type BenchProgress,
  type BenchResults,
  type LoadedWorkload,
  runTarget,
  type TargetBenchResult,
} from "@brokerlab/bench";
import type { Lang } from "@brokerlab/i18n";
import type { TargetId } from "@brokerlab/messaging";
import { type WrittenReport, writeReportFiles } from "@brokerlab/report";
import { createClient } from "@brokerlab/targets";
import { clientLibraryVersions } from "./client-libraries.js";
import { benchMessagesFor } from "./i18n/index.js";
import { renderHtml, renderMarkdown } from "./report/bench-report.js";
import type { ConnectedWorkers } from "./workers/connect-workers.js";

export interface RunBenchOptions {
  readonly loaded: LoadedWorkload;
  readonly targets: readonly TargetId[];
  readonly runId: string;
  readonly onProgress?: (progress: BenchProgress) => void;
  readonly onTargetDone?: (result: TargetBenchResult) => void;
  readonly readyTimeoutMs?: number;
  /** Bench workers to run producers and consumers on; default: this process. */
  readonly workers?: ConnectedWorkers;
}

/** Runs the workload on each target in turn (never in parallel: they would compete for the same cores). */
export async function runBench(options: RunBenchOptions): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const results: TargetBenchResult[] = [];
  for (const target of options.targets) {
    const result = await runTarget({
      target,
      workload: options.loaded.workload,
      ...(options.loaded.payload ? { payload: options.loaded.payload.bytes } : {}),
      createClient: () => createClient(target),
      runId: options.runId,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
      ...(options.workers ? { agents: options.workers.agents, agentPids: options.workers.pids } : {}),
    });
    results.push(result);
    options.onTargetDone?.(result);
  }
  return {
    ...resultsHeader(options.runId, startedAt, "workload"),
    workload: workloadAsRun(options.loaded),
    machine: machine(),
    ...(options.workers ? { workers: options.workers.infos } : {}),
    targets: results,
  };
}

/** results.json's first fields: its schema, the run id, when the run started and ended (now), and its kind. */
export function resultsHeader(
  runId: string,
  startedAt: string,
  mode: BenchResults["mode"],
): Pick<BenchResults, "schema" | "runId" | "startedAt" | "finishedAt" | "mode"> {
  return { schema: BENCH_RESULTS_SCHEMA, runId, startedAt, finishedAt: new Date().toISOString(), mode };
}

/** results.json's `workload`: the file, its payload file if it has one, and the workload as it was run. */
export function workloadAsRun(
  loaded: LoadedWorkload,
  workload: LoadedWorkload["workload"] = loaded.workload,
): BenchResults["workload"] {
  return { file: loaded.file, ...(loaded.payload ? { payloadPath: loaded.payload.path } : {}), ...workload };
}

export function machine(): BenchResults["machine"] {
  return {
    cores: cpus().length,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    clientLibraries: clientLibraryVersions(),
  };
}

/** results.json is the same in every language; report.md and report.html speak `lang`. */
export function writeBenchReport(
  dir: string,
  results: BenchResults,
  lang: Lang = "en",
): Promise<WrittenReport> {
  const m = benchMessagesFor(lang);
  return writeReportFiles(resolve(dir), {
    json: results,
    markdown: renderMarkdown(results, m),
    html: renderHtml(results, m, lang),
  });
}
