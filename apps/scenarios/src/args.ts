import { parseArgs } from "node:util";
import { type Lang, resolveLang } from "@brokerlab/i18n";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { parseTargets, TARGET_IDS } from "@brokerlab/targets";
import { DEFAULT_SETTINGS } from "./context.js";
import type { Messages } from "./i18n/index.js";

export interface CliArgs {
  readonly help: boolean;
  readonly scenarios: readonly string[];
  readonly targets: readonly TargetId[];
  readonly messages: number;
  readonly out?: string;
  readonly json: boolean;
  readonly lang: Lang;
  /** --cluster: run against the three-node cluster (sets BROKERLAB_DEPLOYMENT=cluster for the run). */
  readonly cluster: boolean;
}

export const MIN_MESSAGES = 4;
export const MAX_MESSAGES = 100_000;

export function helpText(scenarioNames: readonly string[], m: Messages): string {
  return m.cli.help({
    scenarios: scenarioNames.join(", "),
    targets: TARGET_IDS.join(", "),
    min: MIN_MESSAGES,
    max: MAX_MESSAGES,
    messages: DEFAULT_SETTINGS.messages,
    policyWaitS: DEFAULT_SETTINGS.policyWaitMs / 1000,
    lagS: DEFAULT_SETTINGS.lagMs / 1000,
  });
}

function parseMessages(text: string | undefined, m: Messages): number {
  if (text === undefined) return DEFAULT_SETTINGS.messages;
  const value = Number(text);
  if (
    !/^\d+$/.test(text.trim()) ||
    !Number.isSafeInteger(value) ||
    value < MIN_MESSAGES ||
    value > MAX_MESSAGES
  ) {
    throw new InvalidArgumentError(m.cli.badMessages(MIN_MESSAGES, MAX_MESSAGES, text));
  }
  return value;
}

/**
 * Parses the command line; every mistake is an InvalidArgumentError with one line saying what to fix,
 * in the language of `m` (the caller reads --lang first, so the errors speak it too).
 */
export function parseCliArgs(
  argv: readonly string[],
  scenarioNames: readonly string[],
  m: Messages,
): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'([^']+)'/.exec(message)?.[1];
    if (message.includes("Unknown option") && flag) throw new InvalidArgumentError(m.cli.unknownFlag(flag));
    if (message.includes("argument missing") && flag) {
      throw new InvalidArgumentError(m.cli.needsValue(flag.split(" ")[0] ?? flag));
    }
    throw new InvalidArgumentError(m.cli.badArguments(message.split(".")[0] ?? message));
  }
  const { values, positionals } = parsed;
  const names = positionals.length === 0 || positionals.includes("all") ? [...scenarioNames] : positionals;
  for (const name of names) {
    if (!scenarioNames.includes(name)) {
      throw new InvalidArgumentError(m.cli.unknownScenario(name, scenarioNames.join(", ")));
    }
  }
  return {
    help: values.help === true,
    scenarios: [...new Set(names)],
    targets: parseTargets(values.targets, (target, valid) => m.cli.unknownTarget(target, valid.join(", "))),
    messages: parseMessages(values.messages, m),
    ...(values.out ? { out: values.out } : {}),
    json: values.json === true,
    lang: resolveLang(values.lang),
    cluster: values.cluster === true,
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
      lang: { type: "string" },
      cluster: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
