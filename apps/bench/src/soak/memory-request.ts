import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { TimeoutError } from "@brokerlab/messaging";

/** The message the soak sends a child over IPC; memory-reporter.ts answers it. */
export const MEMORY_REQUEST = "brokerlab:memory";

export interface MemoryReply {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/**
 * Node arguments that make a child answer {@link askMemory} (its stdio needs an "ipc" channel), with `gc()`
 * exposed so the answer is the heap after a full collection.
 */
export function memoryReporterImport(): string[] {
  return ["--expose-gc", "--import", pathToFileURL(resolve(import.meta.dirname, "memory-reporter.ts")).href];
}

/** The child's RSS and heap, as it measures them itself (bounded: a busy child may answer late). */
export function askMemory(child: ChildProcess, timeoutMs = 10_000): Promise<MemoryReply> {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (message: unknown) => {
      const reply = message as Partial<MemoryReply> | null;
      if (typeof reply?.rssBytes !== "number" || typeof reply.heapUsedBytes !== "number") return;
      done();
      resolvePromise({ rssBytes: reply.rssBytes, heapUsedBytes: reply.heapUsedBytes });
    };
    const timer = setTimeout(() => {
      done();
      reject(new TimeoutError(`process ${child.pid} reporting its memory`, timeoutMs));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
    };
    child.on("message", onMessage);
    child.send(MEMORY_REQUEST, (error) => {
      if (!error) return;
      done();
      reject(error);
    });
  });
}

/** A local process's resident set from /proc (Linux), undefined where that cannot be read. */
export async function processRssBytes(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

/** The process `ss -ltnp` says listens on `port`, if any. */
export function listeningPidFrom(ssOutput: string): number | undefined {
  const pid = /pid=(\d+)/.exec(ssOutput)?.[1];
  return pid === undefined ? undefined : Number(pid);
}
