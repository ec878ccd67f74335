import { createHash } from "node:crypto";
import { chownSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { BrokersError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import {
  hasCommand,
  isOurProcess,
  readPid,
  removeFile,
  run,
  spawnDetached,
  stopProcess,
} from "../processes.js";
import type { HostPort } from "../settings.js";

/**
 * The node's folder: under the state folder, unless we are root and Debian's rabbitmq-server (which then
 * runs the node as the rabbitmq user) could not reach it, e.g. a clone under /root; then under /tmp.
 */
export function rabbitMqDir(stateDir: string, name = "rabbitmq"): string {
  const preferred = join(stateDir, name);
  if (process.getuid?.() !== 0 || !systemUser("rabbitmq") || reachableByOthers(stateDir)) return preferred;
  const key = createHash("sha256").update(resolve(stateDir)).digest("hex").slice(0, 8);
  return join(tmpdir(), `brokerlab-${name.replaceAll("/", "-")}-${key}`);
}

/** True when every existing folder on the way to `path` lets other users pass (o+x). */
export function reachableByOthers(
  path: string,
  mode: (dir: string) => number | undefined = folderMode,
): boolean {
  let dir = resolve(path);
  for (;;) {
    const bits = mode(dir);
    if (bits !== undefined && (bits & 0o001) === 0) return false;
    const parent = dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function folderMode(dir: string): number | undefined {
  try {
    return statSync(dir).mode;
  } catch {
    return undefined;
  }
}

export function rabbitMqNodeName(port: number): string {
  return `brokerlab-${port}@localhost`;
}

/** RabbitMQ writes `<node>.log` under RABBITMQ_LOG_BASE; the startup output goes to startup.log. */
export function rabbitMqLogFiles(stateDir: string, port: number): string[] {
  const dir = rabbitMqDir(stateDir);
  return [join(dir, "log", `${rabbitMqNodeName(port)}.log`), join(dir, "startup.log")];
}

export async function managedRabbitMqPid(stateDir: string): Promise<number | undefined> {
  const pidFile = join(rabbitMqDir(stateDir), "rabbitmq.pid");
  const pid = readPid(pidFile);
  // The node was started with RABBITMQ_PID_FILE pointing here; its environment proves it is ours.
  return pid && (await isOurProcess(pid, pidFile)) ? pid : undefined;
}

/** What sets one RabbitMQ node apart from another on this machine: its Erlang name and its two ports. */
export interface RabbitMqNodeAddress {
  readonly nodeName: string;
  readonly host: string;
  readonly port: number;
  readonly distPort: number;
}

/**
 * The environment of a brokerlab RabbitMQ node, single or one of the cluster's: its own node name, ports,
 * config, plugins and data/log folders under `dir`, and any extra Erlang flags (the cluster's cookie and tick).
 */
export function rabbitMqNodeEnv(
  node: RabbitMqNodeAddress,
  dir: string,
  erlArgs?: string,
): Record<string, string> {
  return {
    RABBITMQ_NODENAME: node.nodeName,
    RABBITMQ_NODE_IP_ADDRESS: node.host,
    RABBITMQ_NODE_PORT: String(node.port),
    RABBITMQ_DIST_PORT: String(node.distPort),
    RABBITMQ_CONFIG_FILE: join(dir, "rabbitmq.conf"),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, "enabled_plugins"),
    RABBITMQ_MNESIA_BASE: join(dir, "data"),
    RABBITMQ_LOG_BASE: join(dir, "log"),
    RABBITMQ_PID_FILE: join(dir, "rabbitmq.pid"),
    ...(erlArgs ? { RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: erlArgs } : {}),
  };
}

/** The single node: plugins none, so no management port clashes with a machine's RabbitMQ. */
export function rabbitMqEnv(stateDir: string, address: HostPort): Record<string, string> {
  const node = {
    nodeName: rabbitMqNodeName(address.port),
    host: address.host,
    port: address.port,
    distPort: address.port + 20_000,
  };
  return rabbitMqNodeEnv(node, rabbitMqDir(stateDir));
}

/** What a node's folder gets before rabbitmq-server starts in it. */
export interface RabbitMqLaunch {
  readonly dir: string;
  /** rabbitmq.conf */
  readonly conf: string;
  /** enabled_plugins */
  readonly plugins: string;
  readonly env: Record<string, string>;
  /** The cluster node's cgroup (none for the single node). */
  readonly cgroup?: string;
}

/**
 * Writes the node's config and plugins, lets the rabbitmq user write its folder, and starts rabbitmq-server
 * detached (it stays in the foreground; its output lands in startup.log). Does not wait.
 */
export function spawnRabbitMqServer(launch: RabbitMqLaunch): void {
  const { dir } = launch;
  for (const sub of ["data", "log"]) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, "rabbitmq.conf"), launch.conf);
  writeFileSync(join(dir, "enabled_plugins"), launch.plugins);
  handToRabbitMqUser(dir);
  spawnDetached({
    command: "rabbitmq-server",
    args: [],
    cwd: dir,
    logFile: join(dir, "startup.log"),
    pidFile: join(dir, "launcher.pid"),
    env: { ...process.env, ...launch.env },
    ...(launch.cgroup ? { cgroup: launch.cgroup } : {}),
  });
}

export async function startRabbitMq(
  stateDir: string,
  address: HostPort,
  log: (line: string) => void,
): Promise<void> {
  if (!(await hasCommand("rabbitmq-server"))) {
    throw new BrokersError(brokersText().failures.rabbitmqNotInstalled(`${address.host}:${address.port}`));
  }
  log(
    brokersText().progress.rabbitmqStarting(
      `${address.host}:${address.port}`,
      rabbitMqLogFiles(stateDir, address.port)[0] ?? "",
    ),
  );
  spawnRabbitMqServer({
    dir: rabbitMqDir(stateDir),
    conf: `# Generated by pnpm brokers.\nlisteners.tcp.default = ${address.host}:${address.port}\n`,
    plugins: "[].\n",
    env: rabbitMqEnv(stateDir, address),
  });
}

/** Debian's rabbitmq-server runs the node as the rabbitmq user when started by root: let it write here. */
export function handToRabbitMqUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const ids = systemUser("rabbitmq");
  if (!ids) return;
  for (const path of [dir, join(dir, "data"), join(dir, "log")]) chownSync(path, ids.uid, ids.gid);
}

/** uid and gid of a system user, from /etc/passwd. */
export function systemUser(
  name: string,
  passwd = readOrEmpty("/etc/passwd"),
): { uid: number; gid: number } | undefined {
  const fields = passwd
    .split("\n")
    .map((line) => line.split(":"))
    .find((entry) => entry[0] === name);
  return fields ? { uid: Number(fields[2]), gid: Number(fields[3]) } : undefined;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

export async function stopRabbitMq(stateDir: string, port: number): Promise<boolean> {
  const pid = await managedRabbitMqPid(stateDir);
  if (pid) {
    const env = { ...process.env, RABBITMQ_NODENAME: rabbitMqNodeName(port) };
    // rabbitmqctl stop shuts the node down cleanly; SIGTERM is the fallback.
    await run("rabbitmqctl", ["-n", rabbitMqNodeName(port), "stop"], { env, timeoutMs: 30_000 }).catch(
      () => undefined,
    );
    await stopProcess(pid, 15_000);
  }
  removeFile(join(rabbitMqDir(stateDir), "rabbitmq.pid"));
  return pid !== undefined;
}
