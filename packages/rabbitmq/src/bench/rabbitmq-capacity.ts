import { readdir, readlink } from "node:fs/promises";
import { dirname } from "node:path";
import type { BrokerCapacity, BrokerProbeContext, BrokerRoom } from "@brokerlab/messaging";
import type { RabbitMqSettings } from "../rabbitmq-settings.js";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
/** RabbitMQ 3.8 to 3.13 refuse a message body over max_message_size, 128 MiB unless configured (4.0: 16 MiB). */
const MAX_MESSAGE_SIZE = 128 * MIB;
/** Room for the properties and headers the adapter sends with a body. */
const HEADER_ROOM = 64 * 1024;
/** RabbitMQ blocks every publisher once its disk has less free than disk_free_limit (50 MB by default). */
const DISK_FREE_LIMIT = 50_000_000;

/**
 * The node's data folder, told by the files it holds open: mnesia's LATEST.LOG lies in it. AMQP has no call
 * that says where the data is, and this needs neither the management plugin nor the slow CLI tools.
 */
async function dataDir(pid: number): Promise<string | undefined> {
  const fds = await readdir(`/proc/${pid}/fd`);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
    if (target.endsWith("/LATEST.LOG")) return dirname(target);
  }
  return undefined;
}

async function nodeDirs(
  settings: RabbitMqSettings,
  context: BrokerProbeContext,
): Promise<string[] | undefined> {
  const dirs: string[] = [];
  for (const address of settings.urls) {
    const url = new URL(address);
    if (!context.isLocalHost(url.hostname)) return undefined;
    const pid = await context.listeningPid(Number(url.port || (url.protocol === "amqps:" ? 5671 : 5672)));
    const dir = pid === undefined ? undefined : await dataDir(pid).catch(() => undefined);
    if (dir === undefined) return undefined;
    dirs.push(dir);
  }
  return dirs;
}

/**
 * Queues and streams page to disk: the room is the free disk where the node keeps its data, less the
 * disk_free_limit at which RabbitMQ blocks publishers. Nodes on one file system share its free space.
 */
export const rabbitMqCapacity: BrokerCapacity<RabbitMqSettings> = {
  maxRecordBytes: MAX_MESSAGE_SIZE - HEADER_ROOM,
  maxRecordWhat: "RabbitMQ's max_message_size (128 MiB by default in 3.x), less 64 KiB for properties",
  async room(settings, context): Promise<BrokerRoom | undefined> {
    const dirs = await nodeDirs(settings, context);
    if (dirs === undefined || dirs.length === 0) return undefined;
    const tightest = await context.diskShare(dirs, DISK_FREE_LIMIT);
    if (tightest === undefined) return undefined;
    const shared = tightest.folders > 1 ? `, shared by ${tightest.folders} nodes` : "";
    return {
      bytes: tightest.shareBytes,
      what: `free disk of ${tightest.folder} (${(tightest.freeBytes / GIB).toFixed(1)} GiB less the 50 MB disk_free_limit${shared})`,
      fix: "free disk space there",
    };
  },
};
