import { stat, statfs } from "node:fs/promises";
import type { BrokerProbeContext, DiskShare } from "@brokerlab/messaging";
import { listeningPidFrom } from "../soak/memory-request.js";
import { runCommand } from "../yardstick/run-command.js";

/** What the bench lends the brokers' probes (memory for the soak, capacity for the resource guard). */
export const PROBE_CONTEXT: BrokerProbeContext = {
  runCommand,
  isLocalHost: (host) => /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?|::ffff:127\.\d+\.\d+\.\d+)$/.test(host),
  listeningPid: async (port) =>
    listeningPidFrom((await runCommand("ss", ["-ltnpH", `sport = :${port}`], 10_000)).output),
  diskShare,
};

async function diskShare(folders: readonly string[], reserveBytes = 0): Promise<DiskShare | undefined> {
  const byDevice = new Map<number, { folders: string[]; free: number }>();
  for (const folder of folders) {
    const [info, fs] = await Promise.all([stat(folder), statfs(folder)]);
    const entry = byDevice.get(info.dev) ?? { folders: [], free: fs.bavail * fs.bsize };
    entry.folders.push(folder);
    byDevice.set(info.dev, entry);
  }
  const shares = [...byDevice.values()].map(({ folders: on, free }) => ({
    folder: on[0] ?? "",
    folders: on.length,
    freeBytes: free,
    shareBytes: Math.floor(Math.max(0, free - reserveBytes) / on.length),
  }));
  return shares.sort((a, b) => a.shareBytes - b.shareBytes)[0];
}
