import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { TimeoutError } from "@brokerlab/messaging";

/** The line a worker prints first on stdout; the coordinator reads its URL from it. */
export const LISTENING_PREFIX = "bench worker listening on ";

export interface LocalWorkers {
  readonly urls: readonly string[];
  /** The worker processes, in the order of `urls`. */
  readonly children: readonly ChildProcess[];
  /** Stops every worker this call started (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly startTimeoutMs?: number;
  /** More `node` flags after tsx's loader (the soak preloads its memory reporter); gives each an IPC channel. */
  readonly preload?: readonly string[];
}

/**
 * Starts `count` bench workers as child processes of this one (same Node, same loader flags, any free port) and
 * waits, bounded, for each to say where it listens. Their stderr is passed through, prefixed.
 */
export async function spawnLocalWorkers(count: number, options: SpawnOptions = {}): Promise<LocalWorkers> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const cli = resolve(import.meta.dirname, "../cli.ts");
  const nodeArgs = [...tsxNodeArgs(options.preload), cli, "worker", "--port", "0"];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child)));
  };
  try {
    const urls = await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const child = spawn(process.execPath, nodeArgs, {
          stdio: options.preload ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
          env: process.env,
        });
        children.push(child);
        return listeningUrl(child, i + 1, startTimeoutMs);
      }),
    );
    return { urls, children, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The way `pnpm bench` runs: Node with tsx's loader and the workspace's "source" condition, then `preload`. */
export function tsxNodeArgs(preload: readonly string[] = []): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return ["--import", tsx, ...preload, "--conditions=source"];
}

function listeningUrl(child: ChildProcess, number: number, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(
      () =>
        reject(
          new TimeoutError(
            `starting local bench worker ${number} (${stderr.trim() || "no output"})`,
            timeoutMs,
          ),
        ),
      timeoutMs,
    );
    timer.unref();
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-2000);
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() !== "") process.stderr.write(`[worker ${number}] ${line}\n`);
      }
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const line = stdout.split("\n").find((candidate) => candidate.startsWith(LISTENING_PREFIX));
      if (line !== undefined) {
        clearTimeout(timer);
        resolvePromise(line.slice(LISTENING_PREFIX.length).trim());
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(`local bench worker ${number} exited (code ${code}) before listening: ${stderr.trim()}`),
      );
    });
  });
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the child exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
