import { spawn } from "node:child_process";

import type { CommandResult } from "@brokerlab/messaging";

/** Runs a command to completion (bounded), collecting stdout and stderr together. Never throws on exit code. */
export function runCommand(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  env?: Readonly<Record<string, string>>,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(env ? { env: { ...process.env, ...env } } : {}),
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, tail: outputTail(output) });
    });
  });
}

/** The last three lines, at most 300 characters: what an error message quotes of a tool's output. */
function outputTail(output: string): string {
  return output.trim().split("\n").slice(-3).join(" | ").slice(0, 300);
}
