import type { DurabilityLevel, TargetId } from "@brokerlab/messaging";
import type { PercentilePoint, Percentiles } from "./metrics/latency-histogram.js";
import type { RateStep } from "./runner/max-rate-search.js";
import type { AgentRole } from "./worker/agent.js";

export const BENCH_RESULTS_SCHEMA = "brokerlab.bench-results/1";

export interface Throughput {
  readonly msgPerSec: number;
  readonly mbPerSec: number;
}

/** One second of the timed run. Rates in messages per second; backlog in messages not yet consumed. */
export interface SecondSample {
  readonly second: number;
  readonly publishRate: number;
  readonly consumeRate: number;
  readonly backlog: number;
}

/**
 * CPU one bench process used during the timed run (100 % = one core busy), with what it did. µs per record: the
 * process's CPU over the records of its role; a process with both roles cannot split its CPU, so it gets
 * `usPerRecord` over everything it published and consumed instead.
 */
export interface ProcessCpu {
  readonly role: AgentRole | "coordinator";
  /** "in-process" (the coordinator itself) or the worker's URL. */
  readonly where: string;
  readonly pid: number;
  readonly userMs: number;
  readonly systemMs: number;
  readonly percentOfOneCore: number;
  readonly published: number;
  readonly consumed: number;
  readonly usPerRecordPublished?: number;
  readonly usPerRecordConsumed?: number;
  readonly usPerRecord?: number;
  /**
   * The JavaScript thread alone, % of one core (Linux /proc; absent elsewhere). A Node client is bound by it at
   * ~100 % even where the process as a whole (with a native client's own threads) shows more. Set by the yardstick.
   */
  readonly mainThreadPercent?: number | null;
}

/** What set the measured rate. */
export type LimitKind = "offered" | "worker-bound" | "machine-bound" | "broker";

export interface RunLimit {
  readonly kind: LimitKind;
  /** One sentence with the figures that decided it. */
  readonly reason: string;
}

/** The whole machine's CPU during the timed run (every process on it, not only the bench's). */
export interface MachineCpu {
  readonly busyPercent: number;
  readonly cores: number;
}

/** A bench worker a run used. */
export interface WorkerInfo {
  readonly url: string;
  /** Started by this run (`--workers N`) rather than given (`--workers URL,…`). */
  readonly spawned: boolean;
  readonly pid: number;
  readonly hostname: string;
  readonly cores: number;
  readonly cpuModel: string;
  readonly node: string;
  /**
   * Worker clock minus coordinator clock at start, ms (± half the round trip, `clockSkewUncertaintyMs`).
   * End-to-end latency compares a producer's clock with a consumer's: across machines they must be synchronised.
   */
  readonly clockSkewMs: number;
  readonly clockSkewUncertaintyMs: number;
}

/** CPU the bench process itself used during the timed run; 100 % = one core busy. */
export interface ClientCpu {
  readonly userMs: number;
  readonly systemMs: number;
  readonly percentOfOneCore: number;
  readonly cores: number;
}

export interface BacklogDrain {
  readonly targetBytes: number;
  readonly builtMessages: number;
  readonly buildSeconds: number;
  /** Seconds from starting the consumers until the backlog was gone (undefined: not drained in time). */
  readonly drainSeconds?: number;
  readonly drainConsumeRate: number;
}

/** One target's outcome. `ok: false` carries the error and whatever was measured before it. */
export interface TargetBenchResult {
  readonly target: TargetId;
  readonly ok: boolean;
  readonly error?: string;
  readonly address?: string;
  readonly brokerVersion?: string;
  readonly durability?: DurabilityLevel;
  /** Partitions per topic actually created (1 where the target has no partitions). */
  readonly partitions?: number;
  /** Seconds from creating the topics until every subscription had received the ready probe. */
  readonly setupSeconds?: number;
  /** Offered rate during the timed run (found by the search when the workload says 0). */
  readonly producerRate?: number;
  readonly durationSeconds?: number;
  readonly messageBytes?: number;
  readonly publishRate?: Throughput;
  readonly consumeRate?: Throughput;
  readonly publishLatencyMs?: Percentiles;
  readonly endToEndLatencyMs?: Percentiles;
  readonly publishDelayUs?: Percentiles;
  readonly curves?: {
    readonly publishLatencyMs: readonly PercentilePoint[];
    readonly endToEndLatencyMs: readonly PercentilePoint[];
  };
  readonly timeSeries?: readonly SecondSample[];
  readonly counts?: {
    readonly published: number;
    readonly consumed: number;
    readonly publishErrors: number;
    readonly consumeErrors: number;
  };
  /** Distinct error messages seen (first few). */
  readonly errors: readonly string[];
  /** All bench processes together (in-process: the one process). */
  readonly clientCpu?: ClientCpu;
  /** Each bench process: role, CPU and µs per record. */
  readonly processes?: readonly ProcessCpu[];
  readonly machineCpu?: MachineCpu;
  readonly limit?: RunLimit;
  /** Broker and client settings in effect (partitions, replication, acks, queue type, persistence, …). */
  readonly settings?: Readonly<Record<string, string | number>>;
  readonly backlog?: BacklogDrain;
  readonly rateSearch?: readonly RateStep[];
  /** What was adapted for this target (e.g. 16 partitions requested, one queue created). */
  readonly notes: readonly string[];
}

export interface YardstickEntry {
  readonly target: TargetId;
  /**
   * What was measured: publishing at max rate (absent in results written before the other sides existed),
   * consuming and acknowledging a filled topic, or both at a fixed rate end to end.
   */
  readonly side?: "publish" | "consume" | "end-to-end";
  readonly adapterMsgPerSec: number;
  readonly rawClientMsgPerSec: number;
  readonly nativeTool: string;
  readonly nativeMsgPerSec: number | null;
  readonly adapterVsRaw: number | null;
  readonly adapterVsNative: number | null;
  /** Raw client ÷ native tool: the ceiling the Node client itself puts on this target, broker aside. */
  readonly rawVsNative?: number | null;
  /** Spreads of the per-round figures (absent where the tool ran once, after the adapter). */
  readonly adapterVsRawSpread?: Spread;
  readonly adapterVsNativeSpread?: Spread;
  readonly nativeSpread?: Spread;
  /** Consume and end to end: the bench's CPU per record adapter ÷ raw, median of the rounds, and its spread. */
  readonly cpuVsRaw?: number;
  readonly cpuVsRawSpread?: Spread;
  /** End to end: the fixed rate both paths were offered, msg/s. */
  readonly offeredRate?: number;
  /** Native rounds interleaved with the adapter's (0: the tool ran once, after). */
  readonly nativeRounds?: number;
  /** The bench process's CPU while each path published or consumed (in-process). */
  readonly cpu?: { readonly adapter: ProcessCpu; readonly raw?: ProcessCpu };
  /** The bench process's JavaScript thread was at ~100 % of a core on the adapter path: the client is the limit. */
  readonly clientBound?: boolean;
  readonly notes: readonly string[];
}

/** Quartiles of per-round values; `relative` = (p75 − p25) ÷ median, and a ratio is quotable while it is small. */
export interface Spread {
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly relative: number;
  readonly quotable: boolean;
}

export interface BenchResults {
  readonly schema: typeof BENCH_RESULTS_SCHEMA;
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly mode: "workload" | "yardstick" | "soak";
  readonly workload: { readonly file: string; readonly [field: string]: unknown };
  readonly machine: {
    readonly cores: number;
    readonly node: string;
    readonly platform: string;
    readonly cpuModel?: string;
    /** Client library versions the run used (kafkajs, amqplib, ioredis, bullmq, …). */
    readonly clientLibraries?: Readonly<Record<string, string>>;
  };
  /** Bench workers the run used; absent when producers and consumers ran in the coordinator's process. */
  readonly workers?: readonly WorkerInfo[];
  readonly targets: readonly TargetBenchResult[];
  readonly yardstick?: readonly YardstickEntry[];
  /** `pnpm bench --soak`: memory per minute of every process and broker (`targets` holds each target's run). */
  readonly soak?: SoakResult;
}

/** One process the soak watches: a target's worker, the monitor, the coordinator. */
export interface SoakProcessSample {
  /** "worker kafka", "monitor", "coordinator". */
  readonly name: string;
  readonly pid: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/** One broker's memory at a minute: its own figure (`what`) and its process's RSS when it is local. */
export interface SoakBrokerSample {
  readonly broker: string;
  readonly what?: string;
  readonly bytes?: number;
  readonly rssBytes?: number;
  /** Why its own figure could not be read this minute. */
  readonly error?: string;
}

export interface SoakSample {
  /** Minutes since the soak's load started (0: when it started). */
  readonly minute: number;
  readonly processes: readonly SoakProcessSample[];
  readonly brokers: readonly SoakBrokerSample[];
}

/** A series' value once warmed up against its last value. */
export interface SoakGrowth {
  /** e.g. "worker kafka rss", "broker redis used_memory (INFO memory)". */
  readonly series: string;
  readonly fromMinute: number;
  readonly fromBytes: number;
  readonly toMinute: number;
  readonly toBytes: number;
  /** (to − from) ÷ from, in percent. */
  readonly percent: number;
  /** Within the tolerance: no growth beyond warm-up. */
  readonly flat: boolean;
}

export interface SoakResult {
  readonly minutes: number;
  /** msg/s each target was offered. */
  readonly ratePerTarget: number;
  /** The minute growth is measured from (earlier minutes are warm-up). */
  readonly warmupMinutes: number;
  readonly tolerancePercent: number;
  /** The monitor's URL while it ran beside the load. */
  readonly monitorUrl?: string;
  readonly samples: readonly SoakSample[];
  readonly growth: readonly SoakGrowth[];
}
