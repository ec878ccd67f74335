import { list, parseCommandLine } from "@brokerlab/cli";
import { type Lang, resolveLang } from "@brokerlab/i18n";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { TARGET_IDS } from "@brokerlab/targets";
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

/**
 * Parses the command line; every mistake is an InvalidArgumentError with one line saying what to fix,
 * in the language of `m` (the caller reads --lang first, so the errors speak it too).
 */
export function parseCliArgs(
  argv: readonly string[],
  scenarioNames: readonly string[],
  m: Messages,
): CliArgs {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      targets: list(TARGET_IDS, {
        all: true,
        unknown: (target, valid) => m.cli.unknownTarget(target, valid.join(", ")),
      }),
      messages: { type: "integer", min: MIN_MESSAGES, max: MAX_MESSAGES },
      out: { type: "path" },
      json: { type: "flag" },
      lang: { type: "text" },
      cluster: { type: "flag" },
      help: { type: "flag", short: "h" },
    },
    { command: "pnpm scenario", positionals: true, messages: m.parser },
  );
  const names = positionals.length === 0 || positionals.includes("all") ? [...scenarioNames] : positionals;
  for (const name of names) {
    if (!scenarioNames.includes(name)) {
      throw new InvalidArgumentError(m.cli.unknownScenario(name, scenarioNames.join(", ")));
    }
  }
  return {
    help: values.help,
    scenarios: [...new Set(names)],
    targets: values.targets ?? [...TARGET_IDS],
    messages: values.messages ?? DEFAULT_SETTINGS.messages,
    ...(values.out === undefined ? {} : { out: values.out }),
    json: values.json,
    lang: resolveLang(values.lang),
    cluster: values.cluster,
  };
}
