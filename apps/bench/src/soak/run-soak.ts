import type { ChildProcess } from "node:child_process";
import {
  type BenchProgress,
  type BenchResults,
  type LoadedWorkload,
  memoryGrowth,
  nowMs,
  runTarget,
  type SoakBrokerSample,
  type SoakGrowth,
  type SoakProcessSample,
  type SoakSample,
  sleep,
  soakSeries,
  type TargetBenchResult,
} from "@brokerlab/bench";
import type { TargetDefinition, TargetId } from "@brokerlab/messaging";
import { formatNumber } from "@brokerlab/report";
import { connectionSource, createClient, targetDefinition } from "@brokerlab/targets";
import { PROBE_CONTEXT } from "../guards/probe-context.js";
import type { BenchMessages } from "../i18n/index.js";
import { machine, resultsHeader, workloadAsRun } from "../run-bench.js";
import { type ConnectedWorkers, connectWorkers } from "../workers/connect-workers.js";
import { askMemory, memoryReporterImport, processRssBytes } from "./memory-request.js";
import { type RunningMonitor, startMonitor } from "./start-monitor.js";

export interface SoakOptions {
  /** The soak's workload; its test duration is the soak's length, its rate what every target is offered. */
  readonly loaded: LoadedWorkload;
  readonly targets: readonly TargetId[];
  readonly runId: string;
  /** Growth is measured from this minute on (default 5, or earlier on a short soak). */
  readonly warmupMinutes?: number;
  /** How much a series may grow past warm-up and still be flat (default 5 %). */
  readonly tolerancePercent?: number;
  /** One line per minute (and the monitor's address). */
  readonly log: (line: string) => void;
  readonly messages: BenchMessages;
}

const MINUTE_MS = 60_000;
const SOAK_LOG_RETENTION_MS = 2 * MINUTE_MS;
const MB = 1024 * 1024;

interface Watched {
  readonly name: string;
  readonly child: ChildProcess;
}

/**
 * `pnpm bench --soak MINUTES`: every target at once at a moderate rate, each in its own bench worker process,
 * with the monitor running beside them; once a minute each process's RSS and heap and each broker's own memory
 * figure are recorded, and the growth past warm-up is judged per series.
 */
export async function runSoak(options: SoakOptions): Promise<BenchResults> {
  const { loaded, targets, log } = options;
  const { workload } = loaded;
  const minutes = Math.round(workload.testDurationSeconds / 60);
  const warmupMinutes = options.warmupMinutes ?? Math.min(5, Math.max(1, Math.floor(minutes / 2)));
  const tolerancePercent = options.tolerancePercent ?? 5;
  const startedAt = new Date().toISOString();
  // Every worker compiles the sources at start; several at once on a busy machine take minutes, not seconds.
  const workers = await connectWorkers(
    { kind: "spawn", count: targets.length },
    workload,
    { preload: memoryReporterImport(), startTimeoutMs: 180_000 },
    // Nine Node processes beside the brokers on a small machine: a worker may answer a poll late.
    60_000,
  );
  if (!workers) throw new Error("the soak needs its workers");
  let monitor: RunningMonitor | undefined;
  try {
    monitor = await startMonitor(targets, log);
    const watched = watchedProcesses(targets, workers, monitor);
    const latest = new Map<TargetId, BenchProgress>();
    const sampler = minuteSampler(watched, targets, minutes, (sample) =>
      log(minuteLine(options.messages, sample, minutes, targets, latest)),
    );
    const results = await runTargetsAtOnce(options, workers, latest).finally(() => sampler.stop());
    const samples = await sampler.samples();
    const growth = soakSeries(samples)
      .map((series) => memoryGrowth(series, warmupMinutes, tolerancePercent))
      .filter((entry): entry is SoakGrowth => entry !== undefined);
    return {
      ...resultsHeader(options.runId, startedAt, "soak"),
      workload: workloadAsRun(loaded, workload),
      machine: machine(),
      workers: workers.infos,
      targets: results,
      soak: {
        minutes,
        ratePerTarget: workload.producerRate,
        warmupMinutes,
        tolerancePercent,
        monitorUrl: monitor.url,
        samples,
        growth,
      },
    };
  } finally {
    await monitor?.stop();
    await workers.stop();
  }
}

/** Each target's worker process and the monitor's, whose memory the soak reads. */
function watchedProcesses(
  targets: readonly TargetId[],
  workers: ConnectedWorkers,
  monitor: RunningMonitor,
): Watched[] {
  return [
    ...targets.flatMap((target, i) => {
      const child = workers.children[i];
      return child ? [{ name: `worker ${target}`, child }] : [];
    }),
    { name: "monitor", child: monitor.child },
  ];
}

/** Reads the memory figures at minute 0, 1, … `minutes` from now until stopped; `onSample` sees each reading. */
function minuteSampler(
  watched: readonly Watched[],
  targets: readonly TargetId[],
  minutes: number,
  onSample: (sample: SoakSample) => void,
): { stop(): void; samples(): Promise<SoakSample[]> } {
  const samples: SoakSample[] = [];
  const start = nowMs();
  let running = true;
  // Each minute's reading starts on time even while the last one still waits on a slow broker CLI.
  const readings: Promise<void>[] = [];
  const sampling = (async () => {
    for (let minute = 0; running && minute <= minutes; minute++) {
      await sleep(start + minute * MINUTE_MS - nowMs());
      if (!running) break;
      readings.push(
        sampleMinute(minute, watched, targets).then((sample) => {
          samples.push(sample);
          onSample(sample);
        }),
      );
    }
  })();
  return {
    stop() {
      running = false;
    },
    /** Every reading, in minute order, once the last one taken has finished. */
    async samples() {
      await sampling;
      await Promise.all(readings);
      return samples.sort((a, b) => a.minute - b.minute);
    },
  };
}

/** Every target's workload at once, each on its own worker; `latest` holds each target's last progress. */
function runTargetsAtOnce(
  options: SoakOptions,
  workers: ConnectedWorkers,
  latest: Map<TargetId, BenchProgress>,
): Promise<TargetBenchResult[]> {
  const { loaded } = options;
  return Promise.all(
    options.targets.map((target, i) =>
      runTarget({
        target,
        workload: loaded.workload,
        ...(loaded.payload ? { payload: loaded.payload.bytes } : {}),
        createClient: () => createClient(target),
        runId: options.runId,
        agents: workers.agents.slice(i, i + 1),
        agentPids: workers.pids.slice(i, i + 1),
        onProgress: (progress) => latest.set(progress.target, progress),
        // Every target sets up at once, beside the other helpers' load: give the ready check room.
        readyTimeoutMs: 120_000,
        // A log kept forever grows its broker's memory (Redis) by every record: that is data, not a leak.
        logRetentionMs: SOAK_LOG_RETENTION_MS,
      }),
    ),
  );
}

/** Every watched process's memory (and this one's), and each broker's, read at the same minute. */
async function sampleMinute(
  minute: number,
  watched: readonly Watched[],
  targets: readonly TargetId[],
): Promise<SoakSample> {
  const [processes, brokers] = await Promise.all([
    Promise.all(watched.map((entry) => processSample(entry))),
    Promise.all(brokersOf(targets).map((definition) => brokerSample(definition))),
  ]);
  const own = process.memoryUsage();
  return {
    minute,
    processes: [
      ...processes.filter((entry): entry is SoakProcessSample => entry !== undefined),
      { name: "coordinator", pid: process.pid, rssBytes: own.rss, heapUsedBytes: own.heapUsed },
    ],
    brokers,
  };
}

async function processSample({ name, child }: Watched): Promise<SoakProcessSample | undefined> {
  if (child.pid === undefined || child.exitCode !== null) return undefined;
  const memory = await askMemory(child).catch(() => undefined);
  return memory && { name, pid: child.pid, ...memory };
}

/** One definition per broker the targets run on: the broker is sampled once, not once per target. */
function brokersOf(targets: readonly TargetId[]): TargetDefinition[] {
  const byBroker = new Map<string, TargetDefinition>();
  for (const target of targets) {
    const definition = targetDefinition(target);
    if (!byBroker.has(definition.broker)) byBroker.set(definition.broker, definition);
  }
  return [...byBroker.values()];
}

/** The broker's own figure and its process's RSS: each is kept when the other cannot be read. */
async function brokerSample(definition: TargetDefinition): Promise<SoakBrokerSample> {
  const probe = definition.bench.brokerMemory;
  const { broker } = definition;
  if (probe === undefined) return { broker, error: "no memory probe for this broker" };
  const settings = definition.settings(connectionSource());
  const [pid, memory] = await Promise.allSettled([
    probe.process(settings, PROBE_CONTEXT),
    probe.read(settings, PROBE_CONTEXT),
  ]);
  const rssBytes =
    pid.status === "fulfilled" && pid.value !== undefined ? await processRssBytes(pid.value) : undefined;
  return {
    broker,
    ...(memory.status === "fulfilled"
      ? { what: memory.value.what, bytes: memory.value.bytes }
      : { error: memory.reason instanceof Error ? memory.reason.message : String(memory.reason) }),
    ...(rssBytes === undefined ? {} : { rssBytes }),
  };
}

function minuteLine(
  m: BenchMessages,
  sample: SoakSample,
  minutes: number,
  targets: readonly TargetId[],
  latest: ReadonlyMap<TargetId, BenchProgress>,
): string {
  const mb = (bytes: number | undefined) =>
    bytes === undefined ? "–" : `${formatNumber(Math.round(bytes / MB))} MB`;
  const rates = targets.map((target) => {
    const progress = latest.get(target);
    return `${target} ${progress ? `${progress.publishRate}/${progress.consumeRate}` : "–"}`;
  });
  const processes = sample.processes.map((p) => `${p.name} ${mb(p.rssBytes)}`);
  const brokers = sample.brokers.map((b) => `${b.broker} ${b.error ? "–" : mb(b.bytes)}`);
  return m.report.soak.minuteLine(
    sample.minute,
    minutes,
    rates.join(", "),
    processes.join(", "),
    brokers.join(", "),
  );
}
