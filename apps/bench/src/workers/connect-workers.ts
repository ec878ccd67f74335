import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { type Agent, nowMs, RemoteAgent, type WorkerInfo, type Workload } from "@brokerlab/bench";
import type { WorkersChoice } from "../args.js";
import { type SpawnOptions, spawnLocalWorkers } from "./spawn-local-workers.js";

export interface ConnectedWorkers {
  readonly agents: readonly Agent[];
  readonly pids: readonly number[];
  readonly infos: readonly WorkerInfo[];
  /** The processes of spawned workers, in the order of `agents` (none for workers given by URL). */
  readonly children: readonly ChildProcess[];
  stop(): Promise<void>;
}

/**
 * `--workers auto`: one worker per producer and per consumer the workload has, at least two (so producers and
 * consumers are apart) and at most the machine's cores (more processes than cores only share them). A worker
 * with several producers can still pass ~70 % of a core: the report shows each worker's CPU and says so.
 */
export function autoWorkerCount(workload: Workload, cores = availableParallelism()): number {
  const producers = workload.topics * workload.producersPerTopic;
  const consumers = workload.topics * workload.subscriptionsPerTopic * workload.consumerPerSubscription;
  return Math.max(1, Math.min(cores, Math.max(2, producers + consumers)));
}

/** Starts or reaches the workers `choice` names and measures each one's clock against ours. */
export async function connectWorkers(
  choice: WorkersChoice,
  workload: Workload,
  spawnOptions: SpawnOptions = {},
  callTimeoutMs?: number,
): Promise<ConnectedWorkers | undefined> {
  if (choice.kind === "in-process") return undefined;
  const local =
    choice.kind === "spawn"
      ? await spawnLocalWorkers(
          choice.count === "auto" ? autoWorkerCount(workload) : choice.count,
          spawnOptions,
        )
      : undefined;
  const urls = local?.urls ?? (choice.kind === "urls" ? choice.urls : []);
  try {
    const agents = urls.map((url) => new RemoteAgent(url, undefined, callTimeoutMs));
    const infos = await Promise.all(agents.map((agent) => describeWorker(agent, local !== undefined)));
    return {
      agents,
      pids: infos.map((info) => info.pid),
      infos,
      children: local?.children ?? [],
      stop: async () => {
        await Promise.allSettled(agents.map((agent) => agent.close()));
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

/**
 * The worker's identity and its clock's offset from ours, NTP style: over three round trips, the one with the
 * shortest trip gives offset = worker time − midpoint of our send and receive, ± half that trip.
 */
async function describeWorker(agent: RemoteAgent, spawned: boolean): Promise<WorkerInfo> {
  let best: { skew: number; halfTrip: number } | undefined;
  let info = await agent.info();
  for (let i = 0; i < 3; i++) {
    const sent = nowMs();
    info = await agent.info();
    const received = nowMs();
    const halfTrip = (received - sent) / 2;
    if (best === undefined || halfTrip < best.halfTrip)
      best = { skew: info.now - (sent + halfTrip), halfTrip };
  }
  return {
    url: agent.where,
    spawned,
    pid: info.pid,
    hostname: info.hostname,
    cores: info.cores,
    cpuModel: info.cpuModel,
    node: info.node,
    clockSkewMs: round(best?.skew ?? 0),
    clockSkewUncertaintyMs: round(best?.halfTrip ?? 0),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
