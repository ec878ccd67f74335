import { brokerDefinition } from "../definitions/index.js";
import { isAlive, isOurProcess, isStopped, readPid, signal } from "../processes.js";
import type { BrokerSettings } from "../settings.js";
import type { ClusterNode } from "./cluster-nodes.js";
import { cgroupPids } from "./node-cgroup.js";

/** The node's main pid, when it runs and is ours (in the node's cgroup, or started from its folder). */
export async function nodePid(node: ClusterNode, settings: BrokerSettings): Promise<number | undefined> {
  const files = brokerDefinition(node.broker).cluster.nodeFiles(node, settings);
  const pid = readPid(files.pidFile);
  if (!pid || !isAlive(pid)) return undefined;
  const members = cgroupPids(node.name);
  if (members.length ? members.includes(pid) : await isOurProcess(pid, files.dir)) return pid;
  return undefined;
}

/** Every process of the node: its cgroup's members, or (without cgroups) its main pid. */
export async function nodeProcesses(node: ClusterNode, settings: BrokerSettings): Promise<number[]> {
  const members = cgroupPids(node.name).filter(isAlive);
  if (members.length) return members;
  const pid = await nodePid(node, settings);
  return pid ? [pid] : [];
}

export type ProcessState = "running" | "paused" | "stopped";

export async function nodeState(node: ClusterNode, settings: BrokerSettings): Promise<ProcessState> {
  const pid = await nodePid(node, settings);
  if (!pid) return "stopped";
  return isStopped(pid) ? "paused" : "running";
}

/** Sends `name` to every process of the node; returns the pids signalled. */
export async function signalNode(
  node: ClusterNode,
  settings: BrokerSettings,
  name: NodeJS.Signals,
): Promise<number[]> {
  const pids = await nodeProcesses(node, settings);
  for (const pid of pids) signal(pid, name);
  return pids;
}

/** SIGKILL to every process of the node, then waits (up to 10 s) until they are gone. */
export async function killNode(node: ClusterNode, settings: BrokerSettings): Promise<number[]> {
  const pids = await signalNode(node, settings, "SIGKILL");
  const deadline = Date.now() + 10_000;
  while (pids.some(isAlive) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return pids;
}
