import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { sleep } from "./wait.js";

/**
 * A redis-server process of a test's own, on a spare port: a test that kills it, fills it or restarts it never
 * touches the shared Redis. No persistence (`--save ""`, no AOF), so a restart comes back empty.
 */
export interface OwnRedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGKILL, as a crash would; resolves once the process has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder; resolves once it answers PING. */
  start(): Promise<void>;
  /** Kills it and removes its folder. */
  stop(): Promise<void>;
}

/** Starts one and resolves once it answers PING (10 s, else it rejects naming the port). */
export async function startOwnRedisServer(
  port: number,
  args: readonly string[] = [],
): Promise<OwnRedisServer> {
  const dir = mkdtempSync(join(tmpdir(), `bl-redis-${port}-`));
  let child: ChildProcess | undefined;
  const server: OwnRedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
    async start() {
      const base = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
      child = spawn("redis-server", [...base, "--dir", dir, ...args], { stdio: "ignore" });
      await untilPong(port);
    },
    async stop() {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** As startOwnRedisServer, stopped when the current test finishes. */
export async function useOwnRedisServer(port: number, args: readonly string[] = []): Promise<OwnRedisServer> {
  const server = await startOwnRedisServer(port, args);
  onTestFinished(() => server.stop());
  return server;
}

async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (Date.now() > deadline)
      throw new Error(`own redis-server on 127.0.0.1:${port} did not answer within 10 s`);
    await sleep(50);
  }
}

/** One PING on a fresh socket; the test's own client library is not needed for it. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
