import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { BrokersError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import { hasCommand, isOurProcess, readPid, removeFile, run, stopProcess } from "../processes.js";
import type { HostPort } from "../settings.js";

export function redisDir(stateDir: string): string {
  return join(stateDir, "redis");
}

export function redisLogFile(stateDir: string): string {
  return join(redisDir(stateDir), "redis.log");
}

/** The pid of the redis-server that `up` started, when it still runs. */
export async function managedRedisPid(stateDir: string): Promise<number | undefined> {
  const dir = redisDir(stateDir);
  const pid = readPid(join(dir, "redis.pid"));
  // redis-server works in its --dir, which is ours alone.
  return pid && (await isOurProcess(pid, dir)) ? pid : undefined;
}

/** Starts redis-server in the background with no persistence (a scratch broker for tests and demos). */
export async function startRedis(
  stateDir: string,
  address: HostPort,
  log: (line: string) => void,
): Promise<void> {
  if (!(await hasCommand("redis-server"))) {
    throw new BrokersError(brokersText().failures.redisNotInstalled(`${address.host}:${address.port}`));
  }
  const dir = redisDir(stateDir);
  mkdirSync(dir, { recursive: true });
  log(brokersText().progress.redisStarting(`${address.host}:${address.port}`, redisLogFile(stateDir)));
  await run("redis-server", [
    "--port",
    String(address.port),
    "--bind",
    address.host,
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
    "--daemonize",
    "yes",
    "--pidfile",
    join(dir, "redis.pid"),
    "--logfile",
    redisLogFile(stateDir),
  ]);
}

export async function stopRedis(stateDir: string): Promise<boolean> {
  const pid = await managedRedisPid(stateDir);
  if (pid) await stopProcess(pid, 10_000);
  removeFile(join(redisDir(stateDir), "redis.pid"));
  return pid !== undefined;
}
