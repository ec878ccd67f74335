import { parseArgs } from "node:util";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { parseTargets, TARGET_IDS } from "@brokerlab/targets";
import { DEFAULT_SETTINGS } from "./context.js";

export interface CliArgs {
  readonly help: boolean;
  readonly scenarios: readonly string[];
  readonly targets: readonly TargetId[];
  readonly messages: number;
  readonly out?: string;
  readonly json: boolean;
}

export const MIN_MESSAGES = 4;
export const MAX_MESSAGES = 100_000;

export function helpText(scenarioNames: readonly string[]): string {
  return `Usage: pnpm scenario <name…|all> [--targets a,b,…] [--messages N] [--out DIR] [--json]

Runs the same workload on every target against the live brokers and prints a side-by-side table per
scenario (targets as columns, one row per metric, ✓/✗ for supported). Writes results.json, report.md and a
self-contained report.html.

Scenarios (default: all):
  ${scenarioNames.join(", ")}
  failover: leader failures on the three-node cluster; runs only when named (pnpm scenario failover --help)

Options:
  --targets a,b,…  targets to compare (default: all)
                   ${TARGET_IDS.join(", ")}
  --messages N     records per scenario step, ${MIN_MESSAGES}–${MAX_MESSAGES} (default ${DEFAULT_SETTINGS.messages})
  --out DIR        where the report files go (default: reports/<run-id>/ at the repo root)
  --json           print the results JSON to stdout instead of the tables (progress stays on stderr)
  -h, --help       this text

Defaults keep \`pnpm scenario all\` on every target to a few minutes on a 2-core machine:
  ${DEFAULT_SETTINGS.messages} messages; the retention policy is a 1 s max age (or a quarter of the records by count) and is
  watched for at most ${DEFAULT_SETTINGS.policyWaitMs / 1000} s; the lag scenario's slow consumer needs about ${DEFAULT_SETTINGS.lagMs / 1000} s for all records.

Brokers: BROKERLAB_KAFKA_BROKERS, BROKERLAB_RABBITMQ_URL, BROKERLAB_REDIS_URL (default: the local ones
started by \`pnpm brokers up\`). Exit status: 0 ok, 1 a target failed or was unreachable, 2 a usage error.`;
}

function parseMessages(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SETTINGS.messages;
  const value = Number(text);
  if (
    !/^\d+$/.test(text.trim()) ||
    !Number.isSafeInteger(value) ||
    value < MIN_MESSAGES ||
    value > MAX_MESSAGES
  ) {
    throw new InvalidArgumentError(
      `--messages must be a whole number from ${MIN_MESSAGES} to ${MAX_MESSAGES}, got "${text}"`,
    );
  }
  return value;
}

/** Parses the command line; every mistake is an InvalidArgumentError with one line saying what to fix. */
export function parseCliArgs(argv: readonly string[], scenarioNames: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'([^']+)'/.exec(message)?.[1];
    if (message.includes("Unknown option") && flag) {
      throw new InvalidArgumentError(`unknown flag ${flag}; see pnpm scenario --help`);
    }
    if (message.includes("argument missing") && flag) {
      throw new InvalidArgumentError(`${flag.split(" ")[0] ?? flag} needs a value; see pnpm scenario --help`);
    }
    throw new InvalidArgumentError(`${message.split(".")[0]}; see pnpm scenario --help`);
  }
  const { values, positionals } = parsed;
  const names = positionals.length === 0 || positionals.includes("all") ? [...scenarioNames] : positionals;
  for (const name of names) {
    if (!scenarioNames.includes(name)) {
      throw new InvalidArgumentError(
        `unknown scenario "${name}"; valid scenarios: ${scenarioNames.join(", ")}, all`,
      );
    }
  }
  return {
    help: values.help === true,
    scenarios: [...new Set(names)],
    targets: parseTargets(values.targets),
    messages: parseMessages(values.messages),
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
      messages: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
