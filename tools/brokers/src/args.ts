import { CLUSTER_NODES } from "./cluster/cluster-nodes.js";
import { FAULTS, isFault } from "./cluster/faults.js";
import { BROKER_DEFINITIONS, BROKER_NAMES } from "./definitions/index.js";
import { UsageError } from "./errors.js";
import { type BrokersMessages, brokersMessagesFor, type HelpParams } from "./i18n/index.js";

export type Command = "up" | "down" | "status" | "logs" | "fault" | "heal" | "leader";

export interface ParsedArgs {
  /** Undefined with a bare `--help` (or nothing at all). */
  readonly command?: Command;
  readonly help: boolean;
  /** up/down/status: the three-node cluster instead of the single nodes. */
  readonly cluster: boolean;
  /** down --cluster: delete the cluster's data too. */
  readonly purge: boolean;
  readonly json: boolean;
  /** Arguments after the command: logs [broker|node], fault <kind> <node>, leader <broker> …. */
  readonly positionals: string[];
  readonly lines: number;
  readonly follow: boolean;
}

const COMMANDS: readonly Command[] = ["up", "down", "status", "logs", "fault", "heal", "leader"];

/** Flags each command accepts; the value tells whether the flag takes a value. */
const FLAGS: Record<Command, Record<string, boolean>> = {
  up: { "--cluster": false },
  down: { "--cluster": false, "--purge": false },
  status: { "--json": false, "--cluster": false },
  logs: { "-n": true, "--lines": true, "-f": false, "--follow": false },
  fault: {},
  heal: {},
  leader: { "--json": false },
};

/** Options that no longer exist, with what replaced them. */
const REMOVED: Record<string, (m: BrokersMessages) => string> = {
  "--kafka-brokers": (m) => m.errors.kafkaBrokersRemoved,
};

const NODE_NAMES = CLUSTER_NODES.map((node) => node.name).join(", ");
const LEADER_USAGE = BROKER_DEFINITIONS.map((definition) => definition.cluster.leaderUsage).join(" | ");

function helpParams(m: BrokersMessages): HelpParams {
  return {
    faults: FAULTS.join("|"),
    nodes: NODE_NAMES,
    brokers: BROKER_NAMES.join(", "),
    leaderUsage: LEADER_USAGE,
    faultLines: FAULTS.map((name) => `  ${name.padEnd(8)}  ${m.faultHelp[name]}`).join("\n"),
  };
}

/** `pnpm brokers --help`, in the language of `m`. */
export function usage(m: BrokersMessages): string {
  return m.usage(helpParams(m));
}

/** `pnpm brokers <command> --help`, in the language of `m`. */
export function commandHelp(command: Command, m: BrokersMessages): string {
  return m.commandHelp[command](helpParams(m));
}

/**
 * Parses `pnpm brokers …` arguments; a mistake throws UsageError with one line, in the language of `m`.
 * `--lang X` may stand anywhere (the caller reads it first, see {@link langOf}).
 */
export function parseArgs(
  argv: readonly string[],
  m: BrokersMessages = brokersMessagesFor("en"),
): ParsedArgs {
  let command: Command | undefined;
  let help = false;
  const flags = new Set<string>();
  const positionals: string[] = [];
  let lines = 50;
  const rest = [...argv];
  while (rest.length) {
    const arg = rest.shift() ?? "";
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--lang") {
      if (rest.shift() === undefined) throw new UsageError(m.errors.needsValue(arg));
      continue;
    }
    if (arg.startsWith("--lang=")) continue;
    if (!command) {
      if (arg.startsWith("-")) throw new UsageError(m.errors.commandFirst(arg, COMMANDS.join(", ")));
      if (!COMMANDS.includes(arg as Command)) {
        throw new UsageError(m.errors.unknownCommand(arg, COMMANDS.join(", ")));
      }
      command = arg as Command;
      continue;
    }
    if (!arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const [name = "", inline] = arg.split(/=(.*)/s, 2);
    const removed = REMOVED[name];
    if (removed) throw new UsageError(removed(m));
    const takesValue = FLAGS[command][name];
    if (takesValue === undefined) throw new UsageError(m.errors.unknownOption(name, command));
    if (!takesValue) {
      if (inline !== undefined) throw new UsageError(m.errors.noValue(name));
      flags.add(name);
      continue;
    }
    const value = inline ?? rest.shift();
    if (value === undefined || value.startsWith("-")) throw new UsageError(m.errors.needsValue(name));
    lines = positiveInteger(name, value, m);
  }
  if (command && !help) checkPositionals(command, positionals, m);
  if (flags.has("--purge") && !flags.has("--cluster")) throw new UsageError(m.errors.purge);
  return {
    ...(command ? { command } : {}),
    help,
    cluster: flags.has("--cluster"),
    purge: flags.has("--purge"),
    json: flags.has("--json"),
    positionals,
    lines,
    follow: flags.has("-f") || flags.has("--follow"),
  };
}

function checkPositionals(command: Command, positionals: readonly string[], m: BrokersMessages): void {
  const [first, second, ...more] = positionals;
  switch (command) {
    case "logs":
      if (
        first &&
        !BROKER_NAMES.includes(first as never) &&
        !CLUSTER_NODES.some((node) => node.name === first)
      )
        throw new UsageError(m.errors.unknownBrokerOrNode(first, BROKER_NAMES.join(", "), NODE_NAMES));
      if (second) throw new UsageError(m.errors.unexpected(second, "logs"));
      return;
    case "fault":
      if (!first) throw new UsageError(m.errors.faultNeedsBoth(FAULTS.join("|")));
      if (!isFault(first)) throw new UsageError(m.errors.unknownFault(first, FAULTS.join(", ")));
      if (!second) throw new UsageError(m.errors.faultNeedsNode(first, NODE_NAMES));
      if (!CLUSTER_NODES.some((node) => node.name === second))
        throw new UsageError(m.errors.unknownNode(second, NODE_NAMES));
      if (more.length) throw new UsageError(m.errors.unexpected(String(more[0]), "fault"));
      return;
    case "leader":
      if (!first) throw new UsageError(m.errors.leaderNeedsBroker(LEADER_USAGE));
      if (!BROKER_NAMES.includes(first as never))
        throw new UsageError(m.errors.unknownBroker(first, BROKER_NAMES.join(", ")));
      return;
    default:
      if (first) throw new UsageError(m.errors.unexpected(first, command));
  }
}

function positiveInteger(name: string, value: string | undefined, m: BrokersMessages): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(m.errors.positiveInteger(name, String(value)));
  return number;
}
