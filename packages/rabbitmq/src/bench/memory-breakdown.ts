import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { BrokerMemoryProbe } from "@brokerlab/messaging";
import type { RabbitMqSettings } from "../rabbitmq-settings.js";

/** Where a package-installed RabbitMQ keeps the Erlang cookie the CLI tools must present. */
const SERVER_HOME = "/var/lib/rabbitmq";
/** Memory the VM reserved but holds nothing: counted by the breakdown, not used by the broker. */
const UNUSED = new Set(["reserved_unallocated", "allocated_unused"]);

/**
 * The memory the RabbitMQ node uses by its own breakdown (`rabbitmq-diagnostics memory_breakdown`): the sum of
 * every category except what the VM reserved and left unused. The CLI talks Erlang distribution to the local
 * node, so only a broker on this machine can be read; AMQP has no memory call.
 */
export const rabbitMqMemoryBreakdown: BrokerMemoryProbe<RabbitMqSettings> = {
  async process(settings, context) {
    const url = new URL(settings.url);
    return context.isLocalHost(url.hostname) ? context.listeningPid(Number(url.port || 5672)) : undefined;
  },
  async read(settings, context) {
    const url = new URL(settings.url);
    if (!context.isLocalHost(url.hostname)) {
      throw new Error(
        `RabbitMQ at ${url.host} is not on this machine: rabbitmq-diagnostics reads the local node`,
      );
    }
    const result = await context.runCommand(
      "rabbitmq-diagnostics",
      ["-q", "memory_breakdown", "--unit", "bytes", "--formatter", "json"],
      // The CLI starts an Erlang VM each time: seconds on an idle machine, over a minute on a loaded one.
      150_000,
      cookieHome(),
    );
    const bytes = usedBytes(result.output);
    if (bytes === undefined) throw new Error(`rabbitmq-diagnostics memory_breakdown failed: ${result.tail}`);
    return { what: "memory_breakdown total without reserved_unallocated", bytes };
  },
};

/** Run as a user without a cookie of its own (root), the CLI can use the server's: point HOME there. */
function cookieHome(): Record<string, string> {
  try {
    accessSync(join(homedir(), ".erlang.cookie"), constants.R_OK);
    return {};
  } catch {
    try {
      accessSync(join(SERVER_HOME, ".erlang.cookie"), constants.R_OK);
      return { HOME: SERVER_HOME };
    } catch {
      return {};
    }
  }
}

/** The breakdown's categories (`{"code": {"bytes": n, …}, …}`) summed, without the unused ones. */
export function usedBytes(output: string): number | undefined {
  const start = output.indexOf("{");
  if (start < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(output.slice(start));
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object") return undefined;
  let total = 0;
  for (const [category, entry] of Object.entries(parsed)) {
    const bytes = (entry as { bytes?: unknown } | null)?.bytes;
    if (typeof bytes !== "number") return undefined;
    if (!UNUSED.has(category)) total += bytes;
  }
  return total;
}
