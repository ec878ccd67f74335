import type { BrokerName } from "./docker.js";
import { UsageError } from "./errors.js";

export type Command = "up" | "down" | "status" | "logs";

export interface ParsedArgs {
  /** Undefined with a bare `--help` (or nothing at all). */
  readonly command?: Command;
  readonly help: boolean;
  readonly kafkaBrokers?: number;
  readonly json: boolean;
  readonly broker?: BrokerName;
  readonly lines: number;
  readonly follow: boolean;
}

const COMMANDS: readonly Command[] = ["up", "down", "status", "logs"];
const BROKER_NAMES: readonly BrokerName[] = ["kafka", "rabbitmq", "redis"];

/** Flags each command accepts; the value tells whether the flag takes a value. */
const FLAGS: Record<Command, Record<string, boolean>> = {
  up: { "--kafka-brokers": true },
  down: {},
  status: { "--json": false },
  logs: { "-n": true, "--lines": true, "-f": false, "--follow": false },
};

export const USAGE = `Usage: pnpm brokers <command> [options]

Real Kafka, RabbitMQ and Redis on this machine: Docker (docker-compose.yml) when an engine answers,
otherwise native processes (Kafka from the Apache jars via Maven; redis-server; rabbitmq-server).

Commands:
  up [--kafka-brokers N]   start what is missing and wait until every broker accepts a round trip
  status [--json]          address, version, health and owner of each broker
  down                     stop what up started (never a broker that was already running)
  logs [kafka|rabbitmq|redis] [-n N] [--follow]
                           tail the logs of the brokers up started

Run "pnpm brokers <command> --help" for details.`;

export const COMMAND_HELP: Record<Command, string> = {
  up: `Usage: pnpm brokers up [--kafka-brokers N]

Reuses every broker that already completes a produce/consume round trip on its address (reported as
"external"), starts the missing ones and waits (bounded) until each accepts work. Idempotent: a second
run starts nothing.

Options:
  --kafka-brokers N   run Kafka as N combined broker+controller nodes (1 or 3; 3 gives replication
                      factor 3 and min.insync.replicas 2). Without it a running Kafka is kept as it is.
                      Node i listens on port 9092+2(i-1) (controller: the next port).`,
  down: `Usage: pnpm brokers down

Stops only what "pnpm brokers up" started (native processes by their pid files, docker containers it
created). Brokers that were already running are left alone. Kafka data stays for the next up.`,
  status: `Usage: pnpm brokers status [--json]

Prints a table of broker, address, version, health (a real round trip) and who runs it:
brokerlab native, docker, or external. Exits 1 when a broker is down.

Options:
  --json   print the rows as JSON`,
  logs: `Usage: pnpm brokers logs [kafka|rabbitmq|redis] [-n N] [--follow]

Prints the last lines of the logs of the brokers "pnpm brokers up" started.

Options:
  -n, --lines N   lines per log file (default 50)
  -f, --follow    keep printing new lines (Ctrl-C to stop)`,
};

/** Parses `pnpm brokers …` arguments; a mistake throws UsageError with one line. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: Command | undefined;
  let help = false;
  let kafkaBrokers: number | undefined;
  let json = false;
  let broker: BrokerName | undefined;
  let lines = 50;
  let follow = false;
  const rest = [...argv];
  while (rest.length) {
    const arg = rest.shift() ?? "";
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!command) {
      if (arg.startsWith("-"))
        throw new UsageError(`unknown option "${arg}" (give a command first: up, down, status, logs)`);
      if (!COMMANDS.includes(arg as Command)) {
        throw new UsageError(`unknown command "${arg}"; commands: ${COMMANDS.join(", ")}`);
      }
      command = arg as Command;
      continue;
    }
    if (arg.startsWith("-")) {
      const [name = "", inline] = arg.split(/=(.*)/s, 2);
      const takesValue = FLAGS[command][name];
      if (takesValue === undefined) throw new UsageError(`unknown option "${name}" for "${command}"`);
      let value: string | undefined;
      if (takesValue) {
        value = inline ?? rest.shift();
        if (value === undefined || value.startsWith("-"))
          throw new UsageError(`option ${name} needs a value`);
      } else if (inline !== undefined) {
        throw new UsageError(`option ${name} takes no value`);
      }
      switch (name) {
        case "--kafka-brokers":
          kafkaBrokers = positiveInteger(name, value);
          if (kafkaBrokers > 5)
            throw new UsageError("--kafka-brokers must be between 1 and 5 (3 for a replicated cluster)");
          break;
        case "--json":
          json = true;
          break;
        case "-n":
        case "--lines":
          lines = positiveInteger(name, value);
          break;
        case "-f":
        case "--follow":
          follow = true;
          break;
      }
      continue;
    }
    if (command === "logs" && !broker && BROKER_NAMES.includes(arg as BrokerName)) {
      broker = arg as BrokerName;
      continue;
    }
    if (command === "logs" && !broker) {
      throw new UsageError(`unknown broker "${arg}"; brokers: ${BROKER_NAMES.join(", ")}`);
    }
    throw new UsageError(`unexpected argument "${arg}" for "${command}"`);
  }
  return {
    ...(command ? { command } : {}),
    help,
    ...(kafkaBrokers ? { kafkaBrokers } : {}),
    json,
    ...(broker ? { broker } : {}),
    lines,
    follow,
  };
}

function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`option ${name} needs a positive whole number, got "${value}"`);
  return number;
}
