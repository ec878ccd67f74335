import { parseArgs } from "node:util";
import { type Lang, resolveLang } from "@brokerlab/i18n";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { parseTargets, TARGET_IDS } from "@brokerlab/targets";
import { type BenchMessages, benchMessagesFor } from "./i18n/index.js";

export interface BenchArgs {
  readonly help: boolean;
  readonly yardstick: boolean;
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

/** In the coordinator's process (today's default), N local worker processes, or workers already running. */
export type WorkersChoice =
  | { readonly kind: "in-process" }
  | { readonly kind: "spawn"; readonly count: number | "auto" }
  | { readonly kind: "urls"; readonly urls: readonly string[] };

/** `pnpm bench --help` in the reader's language. */
export function usage(m: BenchMessages): string {
  return m.cli.usage(TARGET_IDS.join(", "));
}

function seconds(flag: string, value: string | undefined, min: number, m: BenchMessages): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < min) {
    throw new InvalidArgumentError(m.cli.badNumber(flag, value, min));
  }
  return number;
}

/** Parses the command line; a bad flag is one InvalidArgumentError line, in the language of `m`. */
export function parseBenchArgs(
  argv: readonly string[],
  m: BenchMessages = benchMessagesFor("en"),
): BenchArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InvalidArgumentError(m.cli.badArguments(message ?? ""));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new InvalidArgumentError(m.cli.unexpectedArgument(positionals[0] ?? ""));
  }
  const help = values.help === true;
  const yardstick = values.yardstick === true;
  if (!help && !yardstick && values.workload === undefined) {
    throw new InvalidArgumentError(m.cli.workloadRequired);
  }
  const rate = seconds("rate", values.rate, 0, m);
  if (rate !== undefined && !Number.isInteger(rate)) {
    throw new InvalidArgumentError(m.cli.badRate(String(values.rate)));
  }
  return {
    help,
    yardstick,
    workers: parseWorkers(values.workers),
    cluster: values.cluster === true,
    targets: parseTargets(values.targets, (target, valid) => m.cli.unknownTarget(target, valid.join(", "))),
    ...(values.workload === undefined ? {} : { workload: values.workload }),
    ...optional("duration", seconds("duration", values.duration, 1, m)),
    ...optional("warmup", seconds("warmup", values.warmup, 0, m)),
    ...optional("rate", rate),
    ...(values.out === undefined ? {} : { out: values.out }),
    lang: resolveLang(values.lang),
  };
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      yardstick: { type: "boolean" },
      workload: { type: "string" },
      targets: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      rate: { type: "string" },
      out: { type: "string" },
      workers: { type: "string" },
      cluster: { type: "boolean" },
      lang: { type: "string" },
    },
  });
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

export const WORKER_USAGE = `Usage: pnpm bench worker [--port P] [--host H]

Starts a bench worker: an HTTP service (as OpenMessaging Benchmark's workers are) that runs the producers and
consumers a coordinator (pnpm bench --workers http://host:P,…) gives it and answers with per-second counts and
encoded HdrHistograms. It serves one run at a time and keeps running until Ctrl-C.

Options:
  --port P   port to listen on (default 7401; 0 = any free port, printed at start)
  --host H   address to listen on (default 127.0.0.1; 0.0.0.0 to accept coordinators on other machines:
             the service has no authentication, so only on a trusted network)
  -h, --help this text`;

export function parseWorkerArgs(argv: readonly string[]): WorkerArgs {
  const values = strictly(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      options: { help: { type: "boolean", short: "h" }, port: { type: "string" }, host: { type: "string" } },
    }),
  ).values;
  const port = Number(values.port ?? "7401");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`--port "${values.port}" is not valid; expected a port number 0–65535`);
  }
  return { help: values.help === true, port, host: values.host ?? "127.0.0.1" };
}

export interface CompareArgs {
  readonly help: boolean;
  readonly files: readonly [string, string] | readonly [];
}

export const COMPARE_USAGE = `Usage: pnpm bench compare A.json B.json

Puts two bench runs (results.json of each) side by side: per target and metric A, B and B ÷ A, with "≈" where
the difference is within the runs' own noise (the spread of their per-second rates; for latencies, 10 %).`;

export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const { values, positionals } = strictly(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { help: { type: "boolean", short: "h" } },
    }),
  );
  if (values.help === true) return { help: true, files: [] };
  const [a, b, extra] = positionals;
  if (a === undefined || b === undefined || extra !== undefined) {
    throw new InvalidArgumentError(
      "bench compare needs exactly two results.json files: pnpm bench compare A.json B.json",
    );
  }
  return { help: false, files: [a, b] };
}

function strictly<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InvalidArgumentError(`${message}; see --help`);
  }
}

/** Fields that replace the workload file's. */
export function workloadOverrides(args: BenchArgs): Record<string, number> {
  const overrides: Record<string, number> = {};
  if (args.duration !== undefined) overrides.testDurationSeconds = args.duration;
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
