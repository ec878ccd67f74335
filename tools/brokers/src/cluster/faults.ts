import { brokerDefinition } from "../definitions/index.js";
import { CLUSTER_PROFILE, composeArgs } from "../docker.js";
import { BrokersError, UsageError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import { run } from "../processes.js";
import { type ClusterOptions, dockerCluster, launchContext, stopNode } from "./cluster.js";
import { CLUSTER_NODES, type ClusterNode, clusterNode } from "./cluster-nodes.js";
import { heal as healIsolation, isolate, isolatedNodes } from "./isolation.js";
import { killNode, nodePid, nodeState, signalNode } from "./node-processes.js";

export const FAULTS = ["kill", "stop", "pause", "resume", "start", "restart", "isolate", "heal"] as const;
export type Fault = (typeof FAULTS)[number];

export function isFault(name: string): name is Fault {
  return (FAULTS as readonly string[]).includes(name);
}

/** docker compose equivalents, for a cluster that runs in containers. */
const DOCKER_COMMANDS: Partial<Record<Fault, string[]>> = {
  kill: ["kill", "-s", "SIGKILL"],
  stop: ["stop"],
  pause: ["pause"],
  resume: ["unpause"],
  start: ["start"],
  restart: ["restart"],
};

async function requireRunning(node: ClusterNode, options: ClusterOptions): Promise<number> {
  const pid = await nodePid(node, launchContext(options).settings);
  if (!pid) {
    throw new BrokersError(brokersText().fault.notRunning(node.name));
  }
  return pid;
}

/**
 * Injects one fault into one cluster node that `pnpm brokers up --cluster` started, and returns one line
 * saying what happened. Acts on nothing else: the node's processes are found through its pid file and
 * cgroup, never by name.
 */
export async function fault(kind: string, nodeName: string, options: ClusterOptions = {}): Promise<string> {
  const { fault: m, errors } = brokersText();
  if (!isFault(kind)) throw new UsageError(errors.unknownFault(kind, FAULTS.join(", ")));
  const node = clusterNode(nodeName);
  const context = launchContext(options);
  const { settings } = context;
  if (dockerCluster(settings)) {
    const command = DOCKER_COMMANDS[kind];
    if (!command) throw new BrokersError(m.needsNative(kind));
    await run("docker", [...composeArgs([CLUSTER_PROFILE]), ...command, node.name], { timeoutMs: 120_000 });
    return m.docker(node.name, kind);
  }
  switch (kind) {
    case "kill": {
      await requireRunning(node, options);
      const pids = await killNode(node, settings);
      return m.killed(node.name, pids.join(", "));
    }
    case "stop": {
      const pid = await requireRunning(node, options);
      await stopNode(node, context);
      return m.stopped(node.name, pid);
    }
    case "pause": {
      await requireRunning(node, options);
      const pids = await signalNode(node, settings, "SIGSTOP");
      return m.paused(node.name, pids.join(", "));
    }
    case "resume": {
      await requireRunning(node, options);
      const pids = await signalNode(node, settings, "SIGCONT");
      return m.resumed(node.name, pids.join(", "));
    }
    case "start": {
      if ((await nodeState(node, settings)) !== "stopped")
        return m.alreadyRunning(node.name, await nodePid(node, settings));
      await brokerDefinition(node.broker).cluster.startNode(node, context);
      return m.started(node.name, await nodePid(node, settings));
    }
    case "restart": {
      if ((await nodeState(node, settings)) !== "stopped") await stopNode(node, context);
      await brokerDefinition(node.broker).cluster.startNode(node, context);
      return m.restarted(node.name, await nodePid(node, settings));
    }
    case "isolate": {
      await requireRunning(node, options);
      await isolate(node);
      return m.isolated(node.name, `${node.host}:${node.port}`);
    }
    case "heal": {
      const healed = await healIsolation(node);
      return healed.length ? m.healed(node.name) : m.notIsolated(node.name);
    }
  }
}

/**
 * Undoes every fault: removes all isolation, resumes paused nodes and starts stopped ones, then waits
 * for each broker's replicated write. Returns one line per thing it did.
 */
export async function healAll(options: ClusterOptions = {}): Promise<string[]> {
  const context = launchContext(options);
  const m = brokersText().fault;
  const nodes = CLUSTER_NODES.filter((node) => !options.only || options.only.includes(node.broker));
  const lines: string[] = [];
  for (const node of nodes) {
    for (const name of await healIsolation(node)) lines.push(m.healed(name));
  }
  if (dockerCluster(context.settings)) {
    await run("docker", [
      ...composeArgs([CLUSTER_PROFILE]),
      "unpause",
      ...CLUSTER_NODES.map((node) => node.name),
    ]).catch(() => "");
    await run("docker", [
      ...composeArgs([CLUSTER_PROFILE]),
      "start",
      ...CLUSTER_NODES.map((node) => node.name),
    ]);
    return [...lines, m.healDocker];
  }
  const down = new Set<string>();
  for (const node of nodes) {
    const state = await nodeState(node, context.settings);
    if (state === "paused") {
      await signalNode(node, context.settings, "SIGCONT");
      lines.push(m.healResumed(node.name));
    } else if (state === "stopped") {
      down.add(node.broker);
      lines.push(m.healStarting(node.name));
    }
  }
  for (const broker of down) {
    const definition = brokerDefinition(broker);
    await definition.cluster.launch(context);
    await definition.cluster.ready(context);
    lines.push(m.healBack(definition.label));
  }
  if (!lines.length) lines.push(m.nothingToHeal);
  return lines;
}

export { isolatedNodes };
