import { parseArgs } from "node:util";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { parseTargets, TARGET_IDS } from "@brokerlab/targets";

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
}

export const USAGE = `Usage:
  pnpm bench --workload FILE [--targets a,b] [--duration S] [--warmup S] [--rate N] [--out DIR]
  pnpm bench --yardstick [--workload FILE] [--targets a,b] [--duration S] [--out DIR]

Runs a workload (OpenMessaging Benchmark YAML fields, see apps/bench/README.md) on each target in turn and
writes results.json, report.md and report.html (default reports/bench-<run-id>/).

Options:
  --workload FILE   workload YAML (e.g. workloads/1-topic-16-partitions-1kb.yaml)
  --targets LIST    comma-separated targets (default all): ${TARGET_IDS.join(", ")}
  --duration S      timed run in seconds (replaces the workload's test duration; also caps the
                    warm-up at S/4 unless --warmup is given); yardstick: seconds each of adapter and
                    raw client publish, in interleaved one-second slices (default 60: a
                    single second here swings ±20 %, the median of 30 rounds settles)
  --warmup S        warm-up seconds, excluded from the results
  --rate N          producer rate, messages/s over all producers (0 = find the highest sustainable)
  --out DIR         where to write the reports
  --yardstick       publish at max rate through the adapter, through the raw client, and with the
                    broker's own tool (Kafka ProducerPerformance, RabbitMQ PerfTest, redis-benchmark)
  -h, --help        this text`;

function seconds(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < min) {
    throw new InvalidArgumentError(`--${flag} "${value}" is not valid; expected a number ≥ ${min}`);
  }
  return number;
}

/** Parses the command line; a bad flag is one InvalidArgumentError line. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InvalidArgumentError(`${message}; see pnpm bench --help`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new InvalidArgumentError(`unexpected argument "${positionals[0]}"; see pnpm bench --help`);
  }
  const help = values.help === true;
  const yardstick = values.yardstick === true;
  if (!help && !yardstick && values.workload === undefined) {
    throw new InvalidArgumentError(
      "--workload FILE is required (e.g. --workload workloads/smoke.yaml); see --help",
    );
  }
  const rate = seconds("rate", values.rate, 0);
  if (rate !== undefined && !Number.isInteger(rate)) {
    throw new InvalidArgumentError(
      `--rate "${values.rate}" is not valid; expected a whole number of messages/s`,
    );
  }
  return {
    help,
    yardstick,
    targets: parseTargets(values.targets),
    ...(values.workload === undefined ? {} : { workload: values.workload }),
    ...optional("duration", seconds("duration", values.duration, 1)),
    ...optional("warmup", seconds("warmup", values.warmup, 0)),
    ...optional("rate", rate),
    ...(values.out === undefined ? {} : { out: values.out }),
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
    },
  });
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
