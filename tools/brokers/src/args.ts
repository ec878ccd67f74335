import { CLUSTER_NODES } from "./cluster/cluster-nodes.js";
import { FAULT_HELP, FAULTS, isFault } from "./cluster/faults.js";
import { BROKER_DEFINITIONS, BROKER_NAMES } from "./definitions/index.js";
import { UsageError } from "./errors.js";

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
const REMOVED: Record<string, string> = {
  "--kafka-brokers":
    '--kafka-brokers was folded into the cluster: "pnpm brokers up --cluster" starts three Kafka nodes (19092/19094/19096), plain "up" one',
};

const NODE_NAMES = CLUSTER_NODES.map((node) => node.name).join(", ");
const LEADER_USAGE = BROKER_DEFINITIONS.map((definition) => definition.cluster.leaderUsage).join(" | ");

export const USAGE = `Usage: pnpm brokers <command> [options]

Real Kafka, RabbitMQ and Redis on this machine: Docker (docker-compose.yml) when an engine answers,
otherwise native processes (Kafka from the Apache jars via Maven; redis-server; rabbitmq-server).
Single nodes by default; --cluster for three nodes of each broker (README: the port table).

Commands:
  up [--cluster]            start what is missing and wait until it accepts work
  status [--json] [--cluster]
                            every broker (and cluster node) with its role, health and owner
  down [--cluster [--purge]]
                            stop what up started (never a broker that was already running)
  logs [broker|node] [-n N] [--follow]
                            tail the logs of what up started
  fault <${FAULTS.join("|")}> <node>
                            break (or mend) one cluster node on purpose
  heal                      undo every fault: heal, resume and start whatever a fault left down
  leader ${LEADER_USAGE}
                            the cluster node that leads a partition, queue or the Redis primary

Run "pnpm brokers <command> --help" for details.`;

export const COMMAND_HELP: Record<Command, string> = {
  up: `Usage: pnpm brokers up [--cluster]

Without --cluster: the single-node brokers. Reuses every broker that already completes a round trip
on its address (reported as "external"), starts the missing ones and waits (bounded) until each
accepts work. Idempotent: a second run starts nothing.

Options:
  --cluster   start only the three-node cluster: Kafka (KRaft, RF 3, min.insync.replicas 2),
              RabbitMQ (three members, management plugin), Redis (primary, two replicas, three
              Sentinels), on the ports in the README. Waits until each broker acknowledges a
              replicated write on all three nodes; the single nodes are not touched.`,
  down: `Usage: pnpm brokers down [--cluster [--purge]]

Stops only what "pnpm brokers up" started (native processes by their pid files, docker containers it
created). Brokers that were already running are left alone. Data stays for the next up.

Options:
  --cluster   stop the three-node cluster only (the single nodes keep running)
  --purge     with --cluster: delete the cluster's data as well, so the next up starts clean`,
  status: `Usage: pnpm brokers status [--json] [--cluster]

Prints each single-node broker (address, version, health by a real round trip, owner) and, when the
cluster runs, each of its nodes with the role the cluster gives it (Kafka: active controller; RabbitMQ:
running member; Redis: primary or replica with its replication offset; Sentinels), health and pid.
Exits 1 when something shown is not healthy.

Options:
  --json      print one JSON entry per broker and per node (name, broker, role, address, health, pid)
  --cluster   only the cluster's nodes`,
  logs: `Usage: pnpm brokers logs [broker|node] [-n N] [--follow]

Prints the last lines of the logs of what "pnpm brokers up" started: a single-node broker
(${BROKER_NAMES.join(", ")}) or a cluster node (${NODE_NAMES}).

Options:
  -n, --lines N   lines per log file (default 50)
  -f, --follow    keep printing new lines (Ctrl-C to stop)`,
  fault: `Usage: pnpm brokers fault <fault> <node>

Acts on one node of the cluster that "pnpm brokers up --cluster" started, never on anything else.
Nodes: ${NODE_NAMES}.

Faults:
${FAULTS.map((name) => `  ${name.padEnd(8)}  ${FAULT_HELP[name]}`).join("\n")}`,
  heal: `Usage: pnpm brokers heal

Undoes every fault on the cluster: removes all isolation, resumes paused nodes, starts stopped or
killed ones, and waits until each broker acknowledges a replicated write on all three nodes again.`,
  leader: `Usage: pnpm brokers leader ${LEADER_USAGE} [--json]

Prints the cluster node that leads a Kafka partition (default partition 0), a RabbitMQ queue, or the
Redis primary (as the Sentinels see it), with the members and those in sync.

Options:
  --json   print { leader, members, inSync }`,
};

/** Parses `pnpm brokers …` arguments; a mistake throws UsageError with one line. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
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
    if (!command) {
      if (arg.startsWith("-"))
        throw new UsageError(`unknown option "${arg}" (give a command first: ${COMMANDS.join(", ")})`);
      if (!COMMANDS.includes(arg as Command)) {
        throw new UsageError(`unknown command "${arg}"; commands: ${COMMANDS.join(", ")}`);
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
    if (removed) throw new UsageError(removed);
    const takesValue = FLAGS[command][name];
    if (takesValue === undefined) throw new UsageError(`unknown option "${name}" for "${command}"`);
    if (!takesValue) {
      if (inline !== undefined) throw new UsageError(`option ${name} takes no value`);
      flags.add(name);
      continue;
    }
    const value = inline ?? rest.shift();
    if (value === undefined || value.startsWith("-")) throw new UsageError(`option ${name} needs a value`);
    lines = positiveInteger(name, value);
  }
  if (command && !help) checkPositionals(command, positionals);
  if (flags.has("--purge") && !flags.has("--cluster"))
    throw new UsageError("--purge deletes the cluster's data: use it as down --cluster --purge");
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

function checkPositionals(command: Command, positionals: readonly string[]): void {
  const [first, second, ...more] = positionals;
  switch (command) {
    case "logs":
      if (
        first &&
        !BROKER_NAMES.includes(first as never) &&
        !CLUSTER_NODES.some((node) => node.name === first)
      )
        throw new UsageError(
          `unknown broker or node "${first}"; brokers: ${BROKER_NAMES.join(", ")}; nodes: ${NODE_NAMES}`,
        );
      if (second) throw new UsageError(`unexpected argument "${second}" for "logs"`);
      return;
    case "fault":
      if (!first)
        throw new UsageError(
          `fault needs a fault and a node: pnpm brokers fault <${FAULTS.join("|")}> <node>`,
        );
      if (!isFault(first)) throw new UsageError(`unknown fault "${first}"; faults: ${FAULTS.join(", ")}`);
      if (!second) throw new UsageError(`fault ${first} needs a node; nodes: ${NODE_NAMES}`);
      if (!CLUSTER_NODES.some((node) => node.name === second))
        throw new UsageError(`unknown node "${second}"; nodes: ${NODE_NAMES}`);
      if (more.length) throw new UsageError(`unexpected argument "${more[0]}" for "fault"`);
      return;
    case "leader":
      if (!first) throw new UsageError(`leader needs a broker: pnpm brokers leader ${LEADER_USAGE}`);
      if (!BROKER_NAMES.includes(first as never))
        throw new UsageError(`unknown broker "${first}"; brokers: ${BROKER_NAMES.join(", ")}`);
      return;
    default:
      if (first) throw new UsageError(`unexpected argument "${first}" for "${command}"`);
  }
}

function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`option ${name} needs a positive whole number, got "${value}"`);
  return number;
}
