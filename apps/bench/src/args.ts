import { list, parseCommandLine } from "@brokerlab/cli";
import { type Lang, resolveLang } from "@brokerlab/i18n";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { TARGET_IDS } from "@brokerlab/targets";
import { type BenchMessages, benchMessagesFor } from "./i18n/index.js";

export interface BenchArgs {
  readonly help: boolean;
  readonly yardstick: boolean;
  /** With --yardstick: what it measures (publish at max rate by default). */
  readonly side: YardstickSide;
  /** --soak MINUTES: every target at once, each in its own worker, memory recorded per minute. */
  readonly soak?: number;
  readonly workload?: string;
  readonly targets: TargetId[];
  /** Seconds of the timed run (replaces the workload's). */
  readonly duration?: number;
  /** Seconds of warm-up (replaces the workload's). */
  readonly warmup?: number;
  /** Messages per second over all producers (replaces the workload's producerRate). */
  readonly rate?: number;
  readonly out?: string;
  /** Where producers and consumers run (see {@link parseWorkers}). */
  readonly workers: WorkersChoice;
  /** --cluster: run against the three-node cluster (sets BROKERLAB_DEPLOYMENT=cluster, workers inherit it). */
  readonly cluster: boolean;
  readonly lang: Lang;
}

/** --yardstick alone, --yardstick --consume, --yardstick --end-to-end. */
export type YardstickSide = "publish" | "consume" | "end-to-end";

/** In the coordinator's process (today's default), N local worker processes, or workers already running. */
export type WorkersChoice =
  | { readonly kind: "in-process" }
  | { readonly kind: "spawn"; readonly count: number | "auto" }
  | { readonly kind: "urls"; readonly urls: readonly string[] };

/** `pnpm bench --help` in the reader's language. */
export function usage(m: BenchMessages): string {
  return m.cli.usage(TARGET_IDS.join(", "));
}

/** A timed run or warm-up longer than a day is a typo (10^9 s would run for decades), not a benchmark. */
export const MAX_SECONDS = 86_400;
/** Messages per second over all producers; far above what one machine publishes, so only typos hit it. */
export const MAX_RATE = 10_000_000;
/** A soak of more than a day is a typo. */
export const MAX_SOAK_MINUTES = 1440;

/** Parses the command line; a bad flag is one InvalidArgumentError line, in the language of `m`. */
export function parseBenchArgs(
  argv: readonly string[],
  m: BenchMessages = benchMessagesFor("en"),
): BenchArgs {
  const { values } = parseCommandLine(
    argv,
    {
      help: { type: "flag", short: "h" },
      yardstick: { type: "flag" },
      consume: { type: "flag" },
      "end-to-end": { type: "flag" },
      soak: { type: "integer", min: 1, max: MAX_SOAK_MINUTES },
      workload: { type: "path" },
      targets: list(TARGET_IDS, {
        all: true,
        unknown: (target, valid) => m.cli.unknownTarget(target, valid.join(", ")),
      }),
      duration: { type: "duration", min: 1, max: MAX_SECONDS },
      warmup: { type: "duration", min: 0, max: MAX_SECONDS },
      rate: { type: "integer", min: 0, max: MAX_RATE },
      out: { type: "path" },
      workers: { type: "text" },
      cluster: { type: "flag" },
      lang: { type: "text" },
    },
    { command: "pnpm bench", messages: m.parser },
  );
  const soak = values.soak;
  if (
    soak !== undefined &&
    (values.workers !== undefined || values.duration !== undefined || values.yardstick)
  ) {
    throw new InvalidArgumentError(m.cli.soakAlone);
  }
  const endToEnd = values["end-to-end"];
  if ((values.consume || endToEnd) && (!values.yardstick || (values.consume && endToEnd))) {
    throw new InvalidArgumentError(m.cli.yardstickSide);
  }
  if (!values.help && !values.yardstick && soak === undefined && values.workload === undefined) {
    throw new InvalidArgumentError(m.cli.workloadRequired);
  }
  return {
    help: values.help,
    yardstick: values.yardstick,
    side: values.consume ? "consume" : endToEnd ? "end-to-end" : "publish",
    workers: parseWorkers(values.workers),
    cluster: values.cluster,
    targets: values.targets ?? [...TARGET_IDS],
    ...(values.workload === undefined ? {} : { workload: values.workload }),
    ...(soak === undefined ? {} : { soak }),
    ...(values.duration === undefined ? {} : { duration: values.duration }),
    ...(values.warmup === undefined ? {} : { warmup: values.warmup }),
    ...(values.rate === undefined ? {} : { rate: values.rate }),
    ...(values.out === undefined ? {} : { out: values.out }),
    lang: resolveLang(values.lang),
  };
}

/** `--workers`: a count ≥ 1, "auto", or comma-separated http(s) URLs. */
export function parseWorkers(value: string | undefined): WorkersChoice {
  if (value === undefined) return { kind: "in-process" };
  if (value === "auto") return { kind: "spawn", count: "auto" };
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 64) {
    return { kind: "spawn", count: Number(value) };
  }
  const urls = value.split(",").map((url) => url.trim().replace(/\/+$/, ""));
  const bad = urls.find((url) => !/^https?:\/\/[^/\s]+$/.test(url));
  if (bad !== undefined) {
    throw new InvalidArgumentError(
      `--workers "${value}" is not valid; expected a count 1–64, "auto", or worker URLs like http://127.0.0.1:7401,http://10.0.0.2:7401`,
    );
  }
  return { kind: "urls", urls };
}

export interface WorkerArgs {
  readonly help: boolean;
  readonly port: number;
  readonly host: string;
}

export function parseWorkerArgs(argv: readonly string[]): WorkerArgs {
  const { values } = parseCommandLine(
    argv,
    {
      help: { type: "flag", short: "h" },
      port: { type: "integer", min: 0, max: 65535 },
      host: { type: "text" },
      // Read by the command for its help's language (see langOrDefault).
      lang: { type: "text" },
    },
    { command: "pnpm bench worker" },
  );
  return { help: values.help, port: values.port ?? 7401, host: values.host ?? "127.0.0.1" };
}

export interface CompareArgs {
  readonly help: boolean;
  readonly files: readonly [string, string] | readonly [];
}

export function parseCompareArgs(argv: readonly string[], m: BenchMessages): CompareArgs {
  const { values, positionals } = parseCommandLine(
    argv,
    // --lang is read by the command for the table's language (see langOrDefault).
    { help: { type: "flag", short: "h" }, lang: { type: "text" } },
    { command: "pnpm bench compare", positionals: true },
  );
  if (values.help) return { help: true, files: [] };
  const [a, b, extra] = positionals;
  if (a === undefined || b === undefined || extra !== undefined) {
    throw new InvalidArgumentError(m.compare.needsTwo);
  }
  return { help: false, files: [a, b] };
}

/** Fields that replace the workload file's. */
export function workloadOverrides(args: BenchArgs): Record<string, number> {
  const overrides: Record<string, number> = {};
  if (args.duration !== undefined) overrides.testDurationSeconds = args.duration;
  if (args.soak !== undefined) overrides.testDurationSeconds = args.soak * 60;
  if (args.warmup !== undefined) overrides.warmupDurationSeconds = args.warmup;
  if (args.rate !== undefined) overrides.producerRate = args.rate;
  return overrides;
}

/**
 * `--duration` without `--warmup` caps the warm-up at a quarter of the run, so a short comparison of an OMB file
 * (one minute of warm-up by default) stays short.
 */
export function warmupSeconds(args: BenchArgs, workloadWarmup: number): number {
  if (args.warmup !== undefined || args.duration === undefined) return workloadWarmup;
  return Math.min(workloadWarmup, Math.max(1, Math.round(args.duration / 4)));
}
