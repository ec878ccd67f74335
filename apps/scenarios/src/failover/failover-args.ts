import { parseArgs } from "node:util";
import {
  DURABILITY_LEVELS,
  type DurabilityLevel,
  InvalidArgumentError,
  type TargetId,
} from "@brokerlab/messaging";
import { FAULT_KINDS, type FaultKind } from "./failover-cluster.js";

export interface FailoverArgs {
  readonly help: boolean;
  /** Undefined: every target. */
  readonly targets?: string;
  readonly levels: readonly DurabilityLevel[];
  readonly faults: readonly FaultKind[];
  readonly rate: number;
  readonly seconds: number;
  readonly out?: string;
  readonly json: boolean;
}

export const FAILOVER_DEFAULTS = { rate: 200, seconds: 15, keys: 8 } as const;

export function failoverHelp(targetIds: readonly TargetId[]): string {
  return `Usage: pnpm scenario failover [--targets a,b,…] [--levels none,leader,replicated] [--faults kill,pause,isolate]
                              [--rate N] [--seconds S] [--out DIR] [--json]

On the three-node cluster (brought up if missing): per target × durability level it declares there × fault, a
producer publishes numbered records over ${FAILOVER_DEFAULTS.keys} keys at a steady rate with bounded retries while a
consumer group reads along; the node leading the destination (partition, queue, stream, Redis primary) is
faulted a third of the way in and brought back two thirds in; a fresh reader then reads everything stored.
Each broker is faulted once while all its columns publish at once. Every attempt and read goes to
<out>/failover/<target>-<level>-<fault>.history.jsonl; one checker computes the table from those files.

Options:
  --targets a,b,…   targets (default: all): ${targetIds.join(", ")}
  --levels …        durability levels to run where declared (default: all three)
  --faults …        kill (SIGKILL, then start), pause (SIGSTOP, then SIGCONT), isolate (cut off from its peers,
                    then healed); default kill
  --rate N          records per second per column, 10–2000 (default ${FAILOVER_DEFAULTS.rate})
  --seconds S       publishing time, 6–120 (default ${FAILOVER_DEFAULTS.seconds})
  --out DIR         where the report and history files go (default: reports/<run-id>/)
  --json            print the results JSON to stdout instead of the table
  -h, --help        this text

Exit status: 0 ok, 1 a run failed, 2 a usage error.`;
}

function list<T extends string>(
  flag: string,
  text: string | undefined,
  valid: readonly T[],
  fallback: readonly T[],
): T[] {
  if (text === undefined) return [...fallback];
  const items = text.split(",").map((item) => item.trim());
  for (const item of items) {
    if (!(valid as readonly string[]).includes(item)) {
      throw new InvalidArgumentError(`${flag} "${item}" is not one of ${valid.join(", ")}`);
    }
  }
  return [...new Set(items)] as T[];
}

function whole(flag: string, text: string | undefined, min: number, max: number, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new InvalidArgumentError(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** Parses `pnpm scenario failover …` (the arguments after `failover`); mistakes are one-line errors. */
export function parseFailoverArgs(argv: readonly string[]): FailoverArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidArgumentError(`${message.split(".")[0]}; see pnpm scenario failover --help`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new InvalidArgumentError(
      `failover runs on its own (got "${positionals.join(" ")}" too); run the other scenarios separately`,
    );
  }
  return {
    help: values.help === true,
    ...(values.targets ? { targets: values.targets } : {}),
    levels: list("--levels", values.levels, DURABILITY_LEVELS, DURABILITY_LEVELS),
    faults: list("--faults", values.faults, FAULT_KINDS, ["kill"]),
    rate: whole("--rate", values.rate, 10, 2000, FAILOVER_DEFAULTS.rate),
    seconds: whole("--seconds", values.seconds, 6, 120, FAILOVER_DEFAULTS.seconds),
    ...(values.out ? { out: values.out } : {}),
    json: values.json === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      targets: { type: "string" },
      // Read by the command for its report's language (see langOrDefault).
      lang: { type: "string" },
      levels: { type: "string" },
      faults: { type: "string" },
      rate: { type: "string" },
      seconds: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
