import { freemem } from "node:os";
import type { BrokerCapacity } from "@brokerlab/messaging";
import { openConnection } from "../connection.js";
import { resolveOptions } from "../options.js";
import type { RedisSettings } from "../redis-settings.js";
import { infoField } from "./redis-memory.js";

const MIB = 1024 * 1024;
/** Redis refuses a bulk string longer than proto-max-bulk-len (its default: 512 MiB). */
const PROTO_MAX_BULK_LEN = 512 * MIB;
/** Room for what the adapters add to a value: the list envelope, BullMQ's job fields, headers. */
const ENVELOPE_ROOM = 64 * 1024;

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

/**
 * Redis holds every record in memory: up to `maxmemory` (less what it uses already), or, with maxmemory 0,
 * as much as the machine has free, which only a Redis on this machine can be judged by.
 */
export const redisCapacity: BrokerCapacity<RedisSettings> = {
  maxRecordBytes: PROTO_MAX_BULK_LEN - ENVELOPE_ROOM,
  maxRecordWhat: "Redis proto-max-bulk-len (512 MiB by default), less 64 KiB for the adapter's envelope",
  async room(settings, context) {
    const redis = await openConnection(resolveOptions(settings), "brokerlab-bench-capacity");
    let info: string;
    try {
      info = await redis.info("memory");
    } finally {
      redis.disconnect();
    }
    const maxmemory = infoField(info, "maxmemory") ?? 0;
    const used = infoField(info, "used_memory") ?? 0;
    if (maxmemory > 0) {
      return {
        bytes: Math.max(0, maxmemory - used),
        what: `maxmemory ${mib(maxmemory)} less ${mib(used)} used (INFO memory)`,
        fix: "raise Redis' maxmemory",
      };
    }
    const { hostname } = new URL(settings.url);
    if (!context.isLocalHost(hostname)) return undefined;
    return {
      bytes: freemem(),
      what: "maxmemory 0, so the machine's free memory",
      fix: "set a maxmemory Redis may fill, or free memory",
    };
  },
};
