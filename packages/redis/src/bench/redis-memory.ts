import type { BrokerMemoryProbe } from "@brokerlab/messaging";
import { openConnection } from "../connection.js";
import { resolveOptions } from "../options.js";
import type { RedisSettings } from "../redis-settings.js";

/** One INFO section's numeric field, over a connection of its own. */
async function readInfo(
  settings: RedisSettings,
  section: string,
  field: string,
): Promise<number | undefined> {
  const redis = await openConnection(resolveOptions(settings), "brokerlab-soak-memory");
  try {
    return infoField(await redis.info(section), field);
  } finally {
    redis.disconnect();
  }
}

/** Redis's own count of the memory its data uses (`used_memory` of `INFO memory`). */
export const redisMemory: BrokerMemoryProbe<RedisSettings> = {
  async process(settings, context) {
    const { hostname } = new URL(settings.url);
    return context.isLocalHost(hostname) ? readInfo(settings, "server", "process_id") : undefined;
  },
  async read(settings) {
    const bytes = await readInfo(settings, "memory", "used_memory");
    if (bytes === undefined) throw new Error("INFO memory has no used_memory field");
    return { what: "used_memory (INFO memory)", bytes };
  },
};

/** A numeric `name:value` line of an INFO section. */
export function infoField(info: string, name: string): number | undefined {
  const line = info.split(/\r?\n/).find((candidate) => candidate.startsWith(`${name}:`));
  const value = Number(line?.slice(name.length + 1));
  return line === undefined || !Number.isFinite(value) ? undefined : value;
}
