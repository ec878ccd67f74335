import { existsSync, mkdirSync, readFileSync, rmdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Each cluster node runs in its own cgroup (v2), `brokerlab/<node>`: its processes (and their children,
 * such as RabbitMQ's Erlang VM under `su`) are then exactly the cgroup's members, which is what faults
 * signal, and iptables' cgroup match can tell a node's own connections from a client's (isolate).
 */
export const CGROUP_PARENT = "brokerlab";

/** Where cgroup v2 is mounted (hybrid hosts mount it at /sys/fs/cgroup/unified), or undefined. */
export function cgroupRoot(mounts = readOrEmpty("/proc/mounts")): string | undefined {
  for (const line of mounts.split("\n")) {
    const [, mountPoint, type] = line.split(" ");
    if (type === "cgroup2" && mountPoint) return mountPoint;
  }
  return undefined;
}

/** The cgroup path of a node relative to the v2 root, as iptables' `--path` wants it. */
export function nodeCgroupPath(nodeName: string): string {
  return `${CGROUP_PARENT}/${nodeName}`;
}

/** Creates the node's cgroup when the host lets us; returns its folder or undefined. */
export function ensureNodeCgroup(nodeName: string): string | undefined {
  const root = cgroupRoot();
  if (!root) return undefined;
  const dir = join(root, nodeCgroupPath(nodeName));
  try {
    mkdirSync(dir, { recursive: true });
    return existsSync(join(dir, "cgroup.procs")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Pids in the node's cgroup (empty when it has none or cgroups are unavailable). */
export function cgroupPids(nodeName: string): number[] {
  const root = cgroupRoot();
  if (!root) return [];
  return readOrEmpty(join(root, nodeCgroupPath(nodeName), "cgroup.procs"))
    .split("\n")
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

export function removeNodeCgroup(nodeName: string): void {
  const root = cgroupRoot();
  if (!root) return;
  try {
    rmdirSync(join(root, nodeCgroupPath(nodeName)));
  } catch {
    // still has members, or never existed
  }
}

/**
 * The command that starts `command` inside the node's cgroup: a shell writes its own pid to
 * cgroup.procs, then becomes the command. Without cgroups, the command as it is.
 */
export function inNodeCgroup(
  nodeName: string,
  command: string,
  args: readonly string[],
): { command: string; args: string[] } {
  const dir = ensureNodeCgroup(nodeName);
  if (!dir) return { command, args: [...args] };
  return {
    command: "sh",
    args: ["-c", 'echo $$ > "$0" && exec "$@"', join(dir, "cgroup.procs"), command, ...args],
  };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
