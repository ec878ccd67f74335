import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createConnection } from "node:net";

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export function isPortOpen(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export interface Listener {
  readonly pid: number;
  /** The process's command line, NUL separators turned into spaces. */
  readonly command: string;
}

/**
 * The local process listening on TCP `port`, found through /proc (Linux). Undefined elsewhere, or when
 * the process belongs to another user, or nothing listens.
 */
export function findListener(port: number): Listener | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const inode of listeningInodes(readOrEmpty(table), port)) inodes.add(inode);
  }
  if (inodes.size === 0) return undefined;
  for (const entry of safeReaddir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of safeReaddir(`/proc/${entry}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match?.[1] && inodes.has(match[1])) {
        const command = readOrEmpty(`/proc/${entry}/cmdline`).replaceAll("\0", " ").trim();
        return { pid: Number(entry), command };
      }
    }
  }
  return undefined;
}

/** Socket inodes in LISTEN state (0A) on `port` in a /proc/net/tcp table. */
export function listeningInodes(table: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes: string[] = [];
  for (const line of table.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (local?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.push(fields[9]);
  }
  return inodes;
}

/** Directories on a JVM command line's classpath (`-cp a/*:b.jar` gives a, and b.jar's folder). */
export function classpathDirs(command: string): string[] {
  const match = /(?:^|\s)(?:-cp|-classpath|--class-path)\s+(\S+)/.exec(command);
  if (!match?.[1]) return [];
  return match[1]
    .split(":")
    .filter(Boolean)
    .map((entry) => (entry.endsWith("/*") ? entry.slice(0, -2) : entry.replace(/\/[^/]*\.jar$/, "")));
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
