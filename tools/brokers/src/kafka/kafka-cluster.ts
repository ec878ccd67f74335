import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BrokersError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import { findListener, isPortOpen } from "../local-listener.js";
import { kafkaRoundTrip, reason } from "../probes.js";
import {
  hasCommand,
  isAlive,
  isOurProcess,
  readPid,
  removeFile,
  run,
  spawnDetached,
  stopProcess,
} from "../processes.js";
import { KAFKA_VERSION } from "../settings.js";
import {
  type KafkaNode,
  kafkaNodes,
  LOG4J_PROPERTIES,
  newClusterId,
  serverProperties,
} from "./kafka-config.js";
import { kafkaClasspath } from "./kafka-jars.js";

export interface KafkaClusterOptions {
  /** Folder for configs, data, logs and pid files; reused when it already holds this layout. */
  readonly dir: string;
  /** 1 (default) or more combined broker+controller nodes. */
  readonly brokers?: number;
  /** Client port of node 1 (default 9092); node i uses basePort + 2(i-1), its controller the next port. */
  readonly basePort?: number;
  readonly host?: string;
  /** JVM max heap per node (default 512m). */
  readonly heap?: string;
  readonly cacheDir?: string;
  /** Bounded wait for the round trip after start (default 60 s). */
  readonly waitMs?: number;
  readonly log?: (line: string) => void;
  /** Names each node's cgroup (cluster nodes run in their own, see node-cgroup.ts). */
  readonly cgroupOf?: (nodeId: number) => string;
  /** Extra JVM options per node, e.g. a smaller thread count. */
  readonly jvmOptions?: readonly string[];
  /** Start only these node ids (the others are left as they are); default every node. */
  readonly only?: readonly number[];
}

export interface KafkaClusterLayout {
  readonly clusterId: string;
  readonly brokers: number;
  readonly basePort: number;
  readonly host: string;
  readonly version: string;
}

/** A running native cluster. Stopping one node and starting it again is how failover tests use it. */
export interface KafkaCluster {
  readonly dir: string;
  readonly clusterId: string;
  readonly nodes: readonly KafkaNode[];
  /** Bootstrap addresses, node 1 first. */
  readonly addresses: string[];
  logFile(nodeId: number): string;
  /** Kills one node (SIGKILL unless graceful) and waits until it is gone. */
  stopNode(nodeId: number, options?: { graceful?: boolean }): Promise<void>;
  /** Starts a stopped node again with its data; resolves once its port accepts connections. */
  startNode(nodeId: number): Promise<void>;
  /** Stops every node (graceful by default, so data survives for the next start). */
  stop(options?: { graceful?: boolean }): Promise<void>;
}

const LAYOUT_FILE = "cluster.json";

export function nodeDir(dir: string, nodeId: number): string {
  return join(dir, `node-${nodeId}`);
}

export function readLayout(dir: string): KafkaClusterLayout | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, LAYOUT_FILE), "utf8")) as KafkaClusterLayout;
  } catch {
    return undefined;
  }
}

/** Pids of this folder's nodes that are alive (checked against their config path, never a stranger). */
export async function runningNodes(dir: string): Promise<{ nodeId: number; pid: number }[]> {
  const layout = readLayout(dir);
  if (!layout) return [];
  const running: { nodeId: number; pid: number }[] = [];
  for (let nodeId = 1; nodeId <= layout.brokers; nodeId++) {
    const home = nodeDir(dir, nodeId);
    const pid = readPid(join(home, "kafka.pid"));
    if (pid && (await isOurProcess(pid, join(home, "server.properties")))) running.push({ nodeId, pid });
  }
  return running;
}

/** Stops this folder's nodes; never touches a process that is not one of them. */
export async function stopKafkaDir(dir: string, graceful = true): Promise<number> {
  const running = await runningNodes(dir);
  const multiNode = (readLayout(dir)?.brokers ?? 1) > 1;
  // One at a time, highest id first, so the quorum stays up while each broker shuts down cleanly.
  // The last node of a multi-node cluster has no quorum left to confirm its controlled shutdown and
  // would wait forever, so it gets a short grace before SIGKILL (its data is on disk either way).
  for (const [index, node] of [...running].reverse().entries()) {
    const last = index === running.length - 1;
    await stopProcess(node.pid, graceful ? (multiNode && last ? 3000 : 20_000) : 0);
    removeFile(join(nodeDir(dir, node.nodeId), "kafka.pid"));
  }
  return running.length;
}

export async function requireJava(): Promise<void> {
  if (!(await hasCommand("java"))) {
    throw new BrokersError(brokersText().failures.noJava);
  }
}

/**
 * Starts (or reuses) a native KRaft cluster in `dir`: resolves the jars, formats storage when the folder is
 * new or its layout changed, starts every node detached and waits until a produce/consume round trip works
 * and every broker has registered.
 */
export async function startKafkaCluster(options: KafkaClusterOptions): Promise<KafkaCluster> {
  const dir = resolve(options.dir);
  const brokers = options.brokers ?? 1;
  const basePort = options.basePort ?? 9092;
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 9) {
    throw new BrokersError(brokersText().failures.kafkaBrokerCount(brokers));
  }
  await requireJava();
  const classpath = await kafkaClasspath({
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    log,
  });
  const nodes = kafkaNodes(basePort, brokers, host);
  mkdirSync(dir, { recursive: true });
  const { clusterId } = await formatIfNeeded(dir, nodes, { brokers, basePort, host }, classpath, log);

  const launcher: NodeLauncher = { dir, nodes, host, heap: options.heap ?? "512m", classpath, log, options };
  const launched = nodes.filter((node) => !options.only || options.only.includes(node.id));
  for (const node of launched) await launchNode(launcher, node);

  const addresses = nodes.map((node) => `${node.host}:${node.port}`);
  await waitForKafkaCluster(dir, nodes, launched, options.waitMs ?? 60_000, log);
  return clusterHandle(launcher, clusterId, addresses);
}

/**
 * The folder's layout, formatted anew (after stopping its running nodes and deleting their data) when the
 * folder is new, any node is unformatted, or the node count, ports, host or Kafka version changed.
 */
async function formatIfNeeded(
  dir: string,
  nodes: readonly KafkaNode[],
  wanted: Pick<KafkaClusterLayout, "brokers" | "basePort" | "host">,
  classpath: string,
  log: (line: string) => void,
): Promise<KafkaClusterLayout> {
  const { brokers, basePort, host } = wanted;
  const layout = readLayout(dir);
  const sameLayout =
    layout?.brokers === brokers &&
    layout.basePort === basePort &&
    layout.host === host &&
    layout.version === KAFKA_VERSION;
  const formatted = nodes.every((node) => existsSync(join(nodeDir(dir, node.id), "data", "meta.properties")));
  if (layout && sameLayout && formatted) return layout;
  if (layout && (await runningNodes(dir)).length) {
    log(brokersText().progress.kafkaReplacing(layout.brokers, dir, brokers));
    await stopKafkaDir(dir);
  }
  for (let nodeId = 1; nodeId <= Math.max(brokers, layout?.brokers ?? 0); nodeId++) {
    rmSync(nodeDir(dir, nodeId), { recursive: true, force: true });
  }
  const fresh = { clusterId: newClusterId(), brokers, basePort, host, version: KAFKA_VERSION };
  log(brokersText().progress.kafkaFormatting(brokers, fresh.clusterId));
  for (const node of nodes) writeNodeConfig(dir, node, nodes);
  await Promise.all(
    nodes.map((node) =>
      run(
        "java",
        [
          "-cp",
          classpath,
          "kafka.tools.StorageTool",
          "format",
          "-t",
          fresh.clusterId,
          "-c",
          "server.properties",
        ],
        { cwd: nodeDir(dir, node.id) },
      ).catch((error: unknown) => {
        throw new BrokersError(brokersText().failures.kafkaFormat(node.id, reason(error)));
      }),
    ),
  );
  writeFileSync(join(dir, LAYOUT_FILE), `${JSON.stringify(fresh, null, 2)}\n`);
  return fresh;
}

/** What launching a node of this cluster needs. */
interface NodeLauncher {
  readonly dir: string;
  readonly nodes: readonly KafkaNode[];
  readonly host: string;
  readonly heap: string;
  readonly classpath: string;
  readonly log: (line: string) => void;
  readonly options: KafkaClusterOptions;
}

/** Starts `node` detached, unless this folder's process already runs it; a taken port fails first. */
async function launchNode(launcher: NodeLauncher, node: KafkaNode): Promise<void> {
  const { dir, nodes, host, heap, classpath, log, options } = launcher;
  const home = nodeDir(dir, node.id);
  const pid = readPid(join(home, "kafka.pid"));
  if (pid && (await isOurProcess(pid, join(home, "server.properties")))) return;
  for (const port of [node.port, node.controllerPort]) {
    if (await isPortOpen(host, port, 500))
      throw portTaken(host, port, brokersText().failures.kafkaNode(node.id));
  }
  writeNodeConfig(dir, node, nodes);
  log(
    brokersText().progress.kafkaStartingNode(
      node.id,
      `${host}:${node.port}`,
      node.controllerPort,
      join(home, "kafka.log"),
    ),
  );
  spawnDetached({
    command: "java",
    args: [
      `-Xmx${heap}`,
      `-Xms${heap}`,
      ...(options.jvmOptions ?? []),
      "-XX:+ExitOnOutOfMemoryError",
      "-Djava.awt.headless=true",
      `-Dlog4j.configuration=file:${join(home, "log4j.properties")}`,
      "-cp",
      classpath,
      "kafka.Kafka",
      join(home, "server.properties"),
    ],
    cwd: home,
    logFile: join(home, "kafka.log"),
    pidFile: join(home, "kafka.pid"),
    ...(options.cgroupOf ? { cgroup: options.cgroupOf(node.id) } : {}),
  });
}

/** The running cluster's handle: stop or start one node, stop all. */
function clusterHandle(launcher: NodeLauncher, clusterId: string, addresses: string[]): KafkaCluster {
  const { dir, nodes, host, options } = launcher;
  return {
    dir,
    clusterId,
    nodes,
    addresses,
    logFile: (nodeId) => join(nodeDir(dir, nodeId), "kafka.log"),
    async stopNode(nodeId, stopOptions = {}) {
      const home = nodeDir(dir, nodeId);
      const pid = readPid(join(home, "kafka.pid"));
      if (pid && (await isOurProcess(pid, join(home, "server.properties")))) {
        await stopProcess(pid, stopOptions.graceful ? 20_000 : 0);
      }
      removeFile(join(home, "kafka.pid"));
    },
    async startNode(nodeId) {
      const node = nodes.find((candidate) => candidate.id === nodeId);
      if (!node) throw new BrokersError(brokersText().failures.kafkaNoNode(dir, nodeId));
      await launchNode(launcher, node);
      const deadline = Date.now() + (options.waitMs ?? 60_000);
      while (!(await isPortOpen(host, node.port, 500))) {
        if (Date.now() > deadline) throw notReady(node, dir, brokersText().failures.portNeverOpened);
        await sleep(250);
      }
    },
    async stop(stopOptions = {}) {
      await stopKafkaDir(dir, stopOptions.graceful ?? true);
    },
  };
}

function writeNodeConfig(dir: string, node: KafkaNode, nodes: readonly KafkaNode[]): void {
  const home = nodeDir(dir, node.id);
  mkdirSync(join(home, "data"), { recursive: true });
  writeFileSync(join(home, "server.properties"), serverProperties(node, nodes, join(home, "data")));
  writeFileSync(join(home, "log4j.properties"), LOG4J_PROPERTIES);
}

/**
 * Waits for a round trip and for every running node to have registered as a broker; a node just
 * launched that exits fails the wait at once.
 */
async function waitForKafkaCluster(
  dir: string,
  nodes: readonly KafkaNode[],
  launched: readonly KafkaNode[],
  waitMs: number,
  log: (line: string) => void,
): Promise<void> {
  const first = launched[0];
  if (!first) return;
  const alive = (node: KafkaNode) => {
    const pid = readPid(join(nodeDir(dir, node.id), "kafka.pid"));
    return pid !== undefined && isAlive(pid);
  };
  const { progress, failures } = brokersText();
  log(progress.kafkaWaiting(nodes.filter(alive).length, waitMs / 1000));
  const deadline = Date.now() + waitMs;
  let last = failures.noAnswerYet;
  for (;;) {
    for (const node of launched) if (!alive(node)) throw notReady(node, dir, failures.processExited);
    const running = nodes.filter(alive);
    if (await isPortOpen(first.host, first.port, 500)) {
      try {
        const result = await kafkaRoundTrip(
          running.map((node) => `${node.host}:${node.port}`),
          Math.max(5000, Math.min(20_000, deadline - Date.now())),
        );
        if ((result.brokers ?? 0) >= running.length) return;
        last = failures.registered(result.brokers, running.length);
      } catch (error) {
        last = reason(error);
      }
    }
    if (Date.now() > deadline) throw notReady(first, dir, last);
    await sleep(500);
  }
}

function notReady(node: KafkaNode, dir: string, why: string): BrokersError {
  return new BrokersError(
    brokersText().failures.kafkaNodeNotReady(
      node.id,
      `${node.host}:${node.port}`,
      why,
      join(nodeDir(dir, node.id), "kafka.log"),
    ),
  );
}

/** "port taken" with the process that holds it, when we can see it, and what to do about it. */
export function portTaken(
  host: string,
  port: number,
  wanted: string,
  fix = brokersText().failures.otherPorts,
  why = "",
): BrokersError {
  const { failures } = brokersText();
  const holder = findListener(port);
  const who = holder ? failures.portHolder(holder.pid, holder.command.slice(0, 60)) : "";
  return new BrokersError(failures.portTaken(wanted, `${host}:${port}`, who, why, fix));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
