import type { Command } from "../args.js";
import type { Fault } from "../cluster/faults.js";

/** What the help texts name: the faults, nodes, brokers and the leader command's forms. */
export interface HelpParams {
  readonly faults: string;
  readonly nodes: string;
  readonly brokers: string;
  readonly leaderUsage: string;
  /** One line per fault: its name and what it does (from {@link en.faultHelp}). */
  readonly faultLines: string;
}

/**
 * Every word `pnpm brokers` shows in its help and usage errors, in English; ko.ts has exactly this shape
 * (the compiler checks it). Commands, flags, broker and node names are not translated.
 */
export const en = {
  usage: (p: HelpParams) => `Usage: pnpm brokers <command> [options]

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
  fault <${p.faults}> <node>
                            break (or mend) one cluster node on purpose
  heal                      undo every fault: heal, resume and start whatever a fault left down
  leader ${p.leaderUsage}
                            the cluster node that leads a partition, queue or the Redis primary

Options for every command:
  --lang en|ko              language of help and usage errors (default: BROKERLAB_LANG, else LC_ALL/LANG,
                            so ko_KR.UTF-8 gives Korean; else English)

Run "pnpm brokers <command> --help" for details.`,
  commandHelp: {
    up: () => `Usage: pnpm brokers up [--cluster]

Without --cluster: the single-node brokers. Reuses every broker that already completes a round trip
on its address (reported as "external"), starts the missing ones and waits (bounded) until each
accepts work. Idempotent: a second run starts nothing.

Options:
  --cluster   start only the three-node cluster: Kafka (KRaft, RF 3, min.insync.replicas 2),
              RabbitMQ (three members, management plugin), Redis (primary, two replicas, three
              Sentinels), on the ports in the README. Waits until each broker acknowledges a
              replicated write on all three nodes; the single nodes are not touched.`,
    down: () => `Usage: pnpm brokers down [--cluster [--purge]]

Stops only what "pnpm brokers up" started (native processes by their pid files, docker containers it
created). Brokers that were already running are left alone. Data stays for the next up.

Options:
  --cluster   stop the three-node cluster only (the single nodes keep running)
  --purge     with --cluster: delete the cluster's data as well, so the next up starts clean`,
    status: () => `Usage: pnpm brokers status [--json] [--cluster]

Prints each single-node broker (address, version, health by a real round trip, owner) and, when the
cluster runs, each of its nodes with the role the cluster gives it (Kafka: active controller; RabbitMQ:
running member; Redis: primary or replica with its replication offset; Sentinels), health and pid.
Exits 1 when something shown is not healthy.

Options:
  --json      print one JSON entry per broker and per node (name, broker, role, address, health, pid)
  --cluster   only the cluster's nodes`,
    logs: (p: HelpParams) => `Usage: pnpm brokers logs [broker|node] [-n N] [--follow]

Prints the last lines of the logs of what "pnpm brokers up" started: a single-node broker
(${p.brokers}) or a cluster node (${p.nodes}).

Options:
  -n, --lines N   lines per log file (default 50)
  -f, --follow    keep printing new lines (Ctrl-C to stop)`,
    fault: (p: HelpParams) => `Usage: pnpm brokers fault <fault> <node>

Acts on one node of the cluster that "pnpm brokers up --cluster" started, never on anything else.
Nodes: ${p.nodes}.

Faults:
${p.faultLines}`,
    heal: () => `Usage: pnpm brokers heal

Undoes every fault on the cluster: removes all isolation, resumes paused nodes, starts stopped or
killed ones, and waits until each broker acknowledges a replicated write on all three nodes again.`,
    leader: (p: HelpParams) => `Usage: pnpm brokers leader ${p.leaderUsage} [--json]

Prints the cluster node that leads a Kafka partition (default partition 0), a RabbitMQ queue, or the
Redis primary (as the Sentinels see it), with the members and those in sync.

Options:
  --json   print { leader, members, inSync }`,
  } satisfies Record<Command, (p: HelpParams) => string>,
  faultHelp: {
    kill: "SIGKILL every process of the node (a crash: no shutdown, data as it is on disk)",
    stop: "graceful shutdown (the broker's own)",
    pause: "SIGSTOP: a hung node; its peers see it vanish, the process keeps its state",
    resume: "SIGCONT: a paused node runs again",
    start: "start a stopped or killed node with its data, wait until it serves",
    restart: "graceful stop, then start",
    isolate: "cut the node off from its peers (iptables by cgroup) while clients still reach it",
    heal: "undo isolate for the node",
  } satisfies Record<Fault, string>,
  errors: {
    seeHelp: 'Run "pnpm brokers --help" for usage.',
    commandFirst: (arg: string, commands: string) =>
      `unknown option "${arg}" (give a command first: ${commands})`,
    unknownCommand: (arg: string, commands: string) => `unknown command "${arg}"; commands: ${commands}`,
    unknownOption: (name: string, command: string) => `unknown option "${name}" for "${command}"`,
    noValue: (name: string) => `option ${name} takes no value`,
    needsValue: (name: string) => `option ${name} needs a value`,
    purge: "--purge deletes the cluster's data: use it as down --cluster --purge",
    unknownBrokerOrNode: (name: string, brokers: string, nodes: string) =>
      `unknown broker or node "${name}"; brokers: ${brokers}; nodes: ${nodes}`,
    unexpected: (arg: string, command: string) => `unexpected argument "${arg}" for "${command}"`,
    faultNeedsBoth: (faults: string) =>
      `fault needs a fault and a node: pnpm brokers fault <${faults}> <node>`,
    unknownFault: (name: string, faults: string) => `unknown fault "${name}"; faults: ${faults}`,
    faultNeedsNode: (fault: string, nodes: string) => `fault ${fault} needs a node; nodes: ${nodes}`,
    unknownNode: (name: string, nodes: string) => `unknown node "${name}"; nodes: ${nodes}`,
    leaderNeedsBroker: (usage: string) => `leader needs a broker: pnpm brokers leader ${usage}`,
    unknownBroker: (name: string, brokers: string) => `unknown broker "${name}"; brokers: ${brokers}`,
    positiveInteger: (name: string, value: string) =>
      `option ${name} needs a positive whole number, got "${value}"`,
    kafkaBrokersRemoved:
      '--kafka-brokers was folded into the cluster: "pnpm brokers up --cluster" starts three Kafka nodes (19092/19094/19096), plain "up" one',
  },
};

export type BrokersMessages = typeof en;
