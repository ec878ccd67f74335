import { afterEach, describe, expect, it } from "vitest";
import type { Agent, AgentPlan, AgentSnapshot } from "./agent.js";
import { RemoteAgent } from "./remote-agent.js";
import { startWorkerServer, type WorkerServer } from "./worker-server.js";

/** The transport under test carries calls; this agent only records them (the real one needs a broker). */
function recordingAgent(calls: unknown[][]): Agent {
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      if (name === "setup") throw new Error("cannot reach 127.0.0.1:1");
      return undefined;
    };
  return {
    where: "test",
    info: async () => ({ pid: 1, cores: 2, cpuModel: "cpu", node: "20", hostname: "h", now: 123.456 }),
    setup: record("setup"),
    subscribe: record("subscribe"),
    unsubscribe: record("unsubscribe"),
    setRate: record("setRate"),
    startProducers: record("startProducers"),
    stopProducers: record("stopProducers"),
    recordEndToEnd: record("recordEndToEnd"),
    snapshot: async () => ({ published: 7, ready: ["t|g"] }) as unknown as AgentSnapshot,
    histograms: async () => ({ publishLatency: "x", publishDelay: "", endToEnd: "" }),
    resetHistograms: record("resetHistograms"),
    close: record("close"),
  };
}

describe("RemoteAgent over a worker server", () => {
  let server: WorkerServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("carries calls, arguments and results both ways", async () => {
    const calls: unknown[][] = [];
    server = await startWorkerServer(recordingAgent(calls), 0);
    const remote = new RemoteAgent(`${server.url}/`);
    expect(remote.where).toBe(server.url);
    expect((await remote.info()).now).toBe(123.456);
    await remote.setRate(250.5);
    await remote.recordEndToEnd(false);
    expect(calls).toEqual([
      ["setRate", 250.5],
      ["recordEndToEnd", false],
    ]);
    expect((await remote.snapshot()).ready).toEqual(["t|g"]);
    expect((await remote.histograms()).publishLatency).toBe("x");
  });

  it("passes the agent's error back with the worker's address", async () => {
    server = await startWorkerServer(recordingAgent([]), 0);
    const remote = new RemoteAgent(server.url);
    await expect(remote.setup({} as AgentPlan)).rejects.toThrow(
      `bench worker ${server.url}: setup failed: cannot reach 127.0.0.1:1`,
    );
  });

  it("names the worker and how to start one when nothing listens", async () => {
    const remote = new RemoteAgent("http://127.0.0.1:59999");
    await expect(remote.info()).rejects.toThrow(
      /cannot reach http:\/\/127\.0\.0\.1:59999.*pnpm bench worker --port P/,
    );
  });

  it("answers 404 naming the protocol for an unknown path", async () => {
    server = await startWorkerServer(recordingAgent([]), 0);
    const response = await fetch(`${server.url}/agent/format-disk`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain("POST /agent/<method>");
  });
});
