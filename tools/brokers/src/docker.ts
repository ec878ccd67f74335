import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrokerName } from "./definitions/broker-definition.js";
import { BrokersError } from "./errors.js";
import { brokersText } from "./i18n/index.js";
import { run } from "./processes.js";
import { REPO_ROOT } from "./settings.js";

export const COMPOSE_FILE = join(REPO_ROOT, "docker-compose.yml");
export const COMPOSE_PROJECT = "brokerlab";

/** The compose profile of the three-node cluster (every cluster node is a service named after it). */
export const CLUSTER_PROFILE = "cluster";

/** True when a Docker engine (not just the client) answers and `docker compose` exists, within a few seconds. */
export async function dockerEngineAvailable(): Promise<boolean> {
  try {
    const version = await run("docker", ["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 5000 });
    if (!version.trim()) return false;
    await run("docker", ["compose", "version"], { timeoutMs: 5000 });
    return true;
  } catch {
    return false;
  }
}

export function composeArgs(profiles: readonly string[]): string[] {
  return [
    "compose",
    "-f",
    COMPOSE_FILE,
    "-p",
    COMPOSE_PROJECT,
    ...profiles.flatMap((profile) => ["--profile", profile]),
  ];
}

/** `docker compose up -d --wait` for these services: returns once their healthchecks pass. */
export async function composeUp(services: readonly string[], profiles: readonly string[]): Promise<void> {
  try {
    await run("docker", [...composeArgs(profiles), "up", "-d", "--wait", ...services], {
      timeoutMs: 10 * 60_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").slice(-2).join(" ");
    throw new BrokersError(brokersText().failures.composeFailed(services.join(" "), stderr || String(error)));
  }
}

/** Stops and removes these containers (their data goes with them). */
export async function composeRemove(services: readonly string[], profiles: readonly string[]): Promise<void> {
  await run("docker", [...composeArgs(profiles), "rm", "-s", "-f", ...services], { timeoutMs: 120_000 });
}

export async function composeLogs(
  services: readonly string[],
  profiles: readonly string[],
  lines: number,
): Promise<string> {
  return run("docker", [
    ...composeArgs(profiles),
    "logs",
    "--no-color",
    "--tail",
    String(lines),
    ...services,
  ]);
}

/** What `up` started with docker compose, so `down` and `status` know (state/docker.json). */
export type DockerRecord = Partial<Record<BrokerName | "cluster", { services: string[]; profile?: string }>>;

export function readDockerRecord(stateDir: string): DockerRecord {
  const file = join(stateDir, "docker.json");
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DockerRecord;
  } catch {
    return {};
  }
}

export function writeDockerRecord(stateDir: string, record: DockerRecord): void {
  writeFileSync(join(stateDir, "docker.json"), `${JSON.stringify(record, null, 2)}\n`);
}
