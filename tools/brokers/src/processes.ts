import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { inNodeCgroup } from "./cluster/node-cgroup.js";
import { brokersText } from "./i18n/index.js";

const execFileAsync = promisify(execFile);

export interface DetachedProcess {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly env?: NodeJS.ProcessEnv;
  /** A cluster node's name: the process starts inside that node's cgroup (see node-cgroup.ts). */
  readonly cgroup?: string;
}

/** Starts a process that outlives this one (own session, output appended to `logFile`), records its pid. */
export function spawnDetached(options: DetachedProcess): number {
  const log = openSync(options.logFile, "a");
  try {
    const { command, args } = options.cgroup
      ? inNodeCgroup(options.cgroup, options.command, options.args)
      : { command: options.command, args: [...options.args] };
    const child = spawn(command, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ["ignore", log, log],
      env: options.env ?? process.env,
    });
    if (child.pid === undefined) throw new Error(brokersText().failures.couldNotStart(options.command));
    child.on("error", () => {});
    child.unref();
    writeFileSync(options.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

export function readPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The command line of a live process, or undefined when it is gone. */
export function commandLine(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
  } catch {
    // Gone, or alive but not ours to signal (EPERM): either way not a process we manage.
    return undefined;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

/**
 * True when `pid` is alive and its command line contains `marker` (a path only our process has),
 * so a recycled pid never makes us stop someone else's process.
 */
export async function isOurProcess(pid: number, marker: string): Promise<boolean> {
  const line = commandLine(pid);
  if (line === undefined || isZombie(pid)) return false;
  if (line.includes(marker)) return true;
  if (existsSync("/proc/self")) {
    // Redis renames its process title and RabbitMQ's command line names no path of ours, so also
    // look at the working folder and the environment we started it with.
    return readLink(`/proc/${pid}/cwd`) === marker || readOrEmpty(`/proc/${pid}/environ`).includes(marker);
  }
  // Without /proc (macOS) a live process from our pid file is trusted.
  return true;
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

export function isAlive(pid: number): boolean {
  return commandLine(pid) !== undefined && !isZombie(pid);
}

/** True when the process is stopped by a signal (SIGSTOP): alive, but running nothing. */
export function isStopped(pid: number): boolean {
  try {
    return /^\d+ \(.*\) T/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, wait up to `graceMs`, then SIGKILL. Resolves once the process is gone. */
export async function stopProcess(pid: number, graceMs: number): Promise<void> {
  signal(pid, graceMs > 0 ? "SIGTERM" : "SIGKILL");
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    signal(pid, "SIGKILL");
    const killDeadline = Date.now() + 5000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  }
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

export function removeFile(path: string): void {
  rmSync(path, { force: true });
}

/** Runs a command to completion; rejects with its stderr tail on a non-zero exit. */
export async function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const { stdout } = await execFileAsync(command, [...args], {
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 120_000,
    env: options.env ?? process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** True when `command` is on the PATH. */
export async function hasCommand(command: string): Promise<boolean> {
  try {
    await execFileAsync("sh", ["-c", `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}
