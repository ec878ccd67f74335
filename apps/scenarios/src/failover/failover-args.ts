import { list, parseCommandLine } from "@brokerlab/cli";
import {
  DURABILITY_LEVELS,
  type DurabilityLevel,
  InvalidArgumentError,
  type TargetId,
} from "@brokerlab/messaging";
import type { Messages } from "../i18n/index.js";
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

export function failoverHelp(targetIds: readonly TargetId[], m: Messages): string {
  return m.failover.help({ ...FAILOVER_DEFAULTS, targets: targetIds.join(", ") });
}

/** Parses `pnpm scenario failover …` (the arguments after `failover`); mistakes are one-line errors. */
export function parseFailoverArgs(argv: readonly string[]): FailoverArgs {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      // Checked against the cluster's targets by the command (world.parseTargets).
      targets: { type: "text" },
      // Read by the command for its report's language (see langOrDefault).
      lang: { type: "text" },
      levels: list(DURABILITY_LEVELS),
      faults: list(FAULT_KINDS),
      rate: { type: "integer", min: 10, max: 2000 },
      seconds: { type: "integer", min: 6, max: 120 },
      out: { type: "path" },
      json: { type: "flag" },
      help: { type: "flag", short: "h" },
    },
    { command: "pnpm scenario failover", positionals: true },
  );
  if (positionals.length > 0) {
    throw new InvalidArgumentError(
      `failover runs on its own (got "${positionals.join(" ")}" too); run the other scenarios separately`,
    );
  }
  return {
    help: values.help,
    ...(values.targets === undefined ? {} : { targets: values.targets }),
    levels: values.levels ?? [...DURABILITY_LEVELS],
    faults: values.faults ?? ["kill"],
    rate: values.rate ?? FAILOVER_DEFAULTS.rate,
    seconds: values.seconds ?? FAILOVER_DEFAULTS.seconds,
    ...(values.out === undefined ? {} : { out: values.out }),
    json: values.json,
  };
}
