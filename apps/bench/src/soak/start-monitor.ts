import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { TimeoutError } from "@brokerlab/messaging";
import { stopChild, tsxNodeArgs } from "../workers/spawn-local-workers.js";
import { memoryReporterImport } from "./memory-request.js";

export interface RunningMonitor {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `pnpm monitor` beside the soak's load (any free port, the soak's memory reporter preloaded) and waits,
 * bounded, for the line that says where it serves. It watches the single nodes only: its three-node cluster
 * check is pointed at a closed port, since the soak never touches the shared cluster.
 */
export async function startMonitor(
  targets: readonly string[],
  log: (line: string) => void,
  timeoutMs = 60_000,
): Promise<RunningMonitor> {
  const cli = resolve(import.meta.dirname, "../../../monitor/src/cli.ts");
  const child = spawn(
    process.execPath,
    [...tsxNodeArgs(memoryReporterImport()), cli, "--port", "0", "--targets", targets.join(",")],
    {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, BROKERLAB_CLUSTER_KAFKA_BROKERS: "127.0.0.1:1" },
    },
  );
  try {
    const url = await new Promise<string>((resolvePromise, reject) => {
      let stderr = "";
      const timer = setTimeout(
        () => reject(new TimeoutError(`starting the monitor (${stderr.trim() || "no output"})`, timeoutMs)),
        timeoutMs,
      );
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString("utf8")).slice(-4000);
        const match = /(http:\/\/\S+?:\d+)\//.exec(stderr);
        if (match?.[1]) {
          clearTimeout(timer);
          resolvePromise(match[1]);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the monitor exited (code ${code}) before serving: ${stderr.trim()}`));
      });
    });
    log(`monitor: ${url}/ (pid ${child.pid})`);
    return { url, child, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
