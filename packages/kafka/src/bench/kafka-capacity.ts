import type { BrokerCapacity, BrokerRoom } from "@brokerlab/messaging";
import kafkajs from "kafkajs";
import { MAX_MESSAGE_BYTES } from "../admin/topic-configs.js";
import type { KafkaSettings } from "../kafka-settings.js";
import { kafkaConfig } from "../options.js";

const GIB = 1024 ** 3;
/** Room for the record batch header, the record's framing, key and headers. */
const FRAMING_ROOM = 64 * 1024;

/** Each broker's log directories, from its own `log.dirs` (else `log.dir`), with the broker's host. */
async function logDirs(settings: KafkaSettings): Promise<{ host: string; dir: string }[]> {
  const kafka = new kafkajs.Kafka(kafkaConfig({ ...settings, clientId: "brokerlab-bench-capacity" }));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { brokers } = await admin.describeCluster();
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: brokers.map((broker) => ({
        type: kafkajs.ConfigResourceTypes.BROKER,
        name: String(broker.nodeId),
        configNames: ["log.dirs", "log.dir"],
      })),
    });
    return described.resources.flatMap((resource) => {
      const host = brokers.find((broker) => String(broker.nodeId) === resource.resourceName)?.host ?? "";
      const value = (name: string) => resource.configEntries.find((e) => e.configName === name)?.configValue;
      const dirs = value("log.dirs") || value("log.dir") || "";
      return dirs
        .split(",")
        .filter(Boolean)
        .map((dir) => ({ host, dir }));
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Kafka keeps every record on disk until retention drops it. The room is the free disk of the brokers' log
 * directories (read by statfs, so only brokers on this machine); log directories on one file system (the
 * three-node cluster on one machine) each hold a copy, so they share its free space.
 */
export const kafkaCapacity: BrokerCapacity<KafkaSettings> = {
  maxRecordBytes: MAX_MESSAGE_BYTES - FRAMING_ROOM,
  maxRecordWhat: `the max.message.bytes of the topics the adapter creates (${MAX_MESSAGE_BYTES / 1024 / 1024} MiB), less 64 KiB for framing`,
  async room(settings, context): Promise<BrokerRoom | undefined> {
    const dirs = await logDirs(settings);
    if (dirs.length === 0 || dirs.some(({ host }) => !context.isLocalHost(host))) return undefined;
    const tightest = await context.diskShare(dirs.map(({ dir }) => dir));
    if (tightest === undefined) return undefined;
    const shared = tightest.folders > 1 ? `, shared by ${tightest.folders} log directories` : "";
    return {
      bytes: tightest.shareBytes,
      what: `free disk of ${tightest.folder} (${(tightest.freeBytes / GIB).toFixed(1)} GiB${shared})`,
      fix: `free disk space there, or point log.dirs at a larger disk`,
    };
  },
};
