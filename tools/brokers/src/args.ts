import { type OptionSpecs, type OptionValues, parseCommandLine } from "@brokerlab/cli";
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

/** Accepted anywhere, before the command too. */
const COMMON = { help: { type: "flag", short: "h" }, lang: { type: "text" } } as const;

/** What a command's own flags set; a command without the flag keeps the default. */
type CommandOptions = Pick<ParsedArgs, "cluster" | "purge" | "json" | "lines" | "follow">;

const DEFAULT_OPTIONS: CommandOptions = {
  cluster: false,
  purge: false,
  json: false,
  lines: 50,
  follow: false,
};

/** One command's parse: its flags besides --help and --lang, the positionals, and the options they set. */
type CommandParser = (
  argv: readonly string[],
  m: BrokersMessages,
) => { readonly help: boolean; readonly positionals: readonly string[]; readonly options: CommandOptions };

/** A parser for `command` with its own typed flags; `options` reads what they set. */
function commandParser<const S extends OptionSpecs>(
  command: Command,
  flags: S,
  options: (values: OptionValues<typeof COMMON & S>) => Partial<CommandOptions>,
): CommandParser {
  return (argv, m) => {
    const { values, positionals } = parse(argv, { ...COMMON, ...flags }, command, m);
    return { help: values.help, positionals, options: { ...DEFAULT_OPTIONS, ...options(values) } };
  };
}

const FLAG = { type: "flag" } as const;

/** Each command's flags, besides --help and --lang. */
const PARSERS: Record<Command, CommandParser> = {
  up: commandParser("up", { cluster: FLAG }, (values) => ({ cluster: values.cluster })),
  down: commandParser("down", { cluster: FLAG, purge: FLAG }, (values) => ({
    cluster: values.cluster,
    purge: values.purge,
  })),
  status: commandParser("status", { json: FLAG, cluster: FLAG }, (values) => ({
    json: values.json,
    cluster: values.cluster,
  })),
  logs: commandParser(
    "logs",
    { lines: { type: "integer", min: 1, short: "n" }, follow: { type: "flag", short: "f" } },
    (values) => ({ lines: values.lines ?? DEFAULT_OPTIONS.lines, follow: values.follow }),
  ),
  fault: commandParser("fault", {}, () => ({})),
  heal: commandParser("heal", {}, () => ({})),
  leader: commandParser("leader", { json: FLAG }, (values) => ({ json: values.json })),
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
  const at = commandIndex(argv, m);
  if (at === undefined) {
    const { values } = parse(argv, COMMON, "", m);
    return { help: values.help, positionals: [], ...DEFAULT_OPTIONS };
  }
  const { command, index } = at;
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  const removed = rest.map((arg) => REMOVED[arg.split("=")[0] ?? ""]).find((entry) => entry !== undefined);
  if (removed) throw new UsageError(removed(m));
  const { help, positionals, options } = PARSERS[command](rest, m);
  if (!help) checkPositionals(command, positionals, m);
  if (options.purge && !options.cluster) throw new UsageError(m.errors.purge);
  return { command, help, ...options, positionals: [...positionals] };
}

function isBrokerName(arg: string): boolean {
  return BROKER_DEFINITIONS.some((definition) => definition.name === arg);
}

function isCommand(arg: string): arg is Command {
  return COMMANDS.some((command) => command === arg);
}

/** Where the command stands: the first argument that is neither --help nor --lang (with its value). */
function commandIndex(
  argv: readonly string[],
  m: BrokersMessages,
): { readonly command: Command; readonly index: number } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h" || arg.startsWith("--lang=")) continue;
    if (arg === "--lang") {
      i++;
      continue;
    }
    if (arg.startsWith("-")) throw new UsageError(m.errors.commandFirst(arg, COMMANDS.join(", ")));
    if (!isCommand(arg)) throw new UsageError(m.errors.unknownCommand(arg, COMMANDS.join(", ")));
    return { command: arg, index: i };
  }
  return undefined;
}

/** The shared parser, with the brokers CLI's wording of its errors, which are UsageErrors (exit 2). */
function parse<const S extends OptionSpecs>(
  argv: readonly string[],
  specs: S,
  command: string,
  m: BrokersMessages,
) {
  try {
    return parseCommandLine(argv, specs, {
      command: "pnpm brokers",
      positionals: true,
      messages: {
        ...m.parser,
        unknownFlag: (flag) => m.errors.unknownOption(flag, command),
        needsValue: (flag) => m.errors.needsValue(flag),
        noValue: (flag) => m.errors.noValue(flag),
        wholeNumber: (flag, value) => m.errors.positiveInteger(flag, value),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function checkPositionals(command: Command, positionals: readonly string[], m: BrokersMessages): void {
  const [first, second, ...more] = positionals;
  switch (command) {
    case "logs":
      if (first && !isBrokerName(first) && !CLUSTER_NODES.some((node) => node.name === first))
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
      if (!isBrokerName(first)) throw new UsageError(m.errors.unknownBroker(first, BROKER_NAMES.join(", ")));
      return;
    default:
      if (first) throw new UsageError(m.errors.unexpected(first, command));
  }
}
