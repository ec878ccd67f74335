import { eventually, useOwnRedisServer } from "@brokerlab/testing";
import { Redis } from "ioredis";
import { describe, expect, it, onTestFinished } from "vitest";
import { REDIS, reportOf, useMonitor, useServer } from "./use-monitor.js";

/** A spare port of our own: the shared brokers are never stopped. */
const PORT = 16479;

describe("a broker that goes away", () => {
  it("marks only its cluster as failing, keeps serving, and recovers when it is back", async () => {
    const server = await useOwnRedisServer(PORT);
    const own = new Redis({ port: PORT });
    onTestFinished(() => own.disconnect());
    const key = "brokerlab:{bl-gone}:stream";
    await own.xadd(key, "*", "v", "1");
    await own.xgroup("CREATE", key, "g", "0");

    const monitor = useMonitor([{ name: "own", broker: "redis", url: `redis://127.0.0.1:${PORT}` }, REDIS]);
    const base = await useServer(monitor);
    await eventually(
      async () => reportOf(monitor, "own", "g"),
      (report) => report?.totalLag === 1,
    );

    await server.kill();
    own.disconnect();
    const failing = await eventually(
      async () => monitor.cluster("own")?.error ?? null,
      (error) => error !== null,
      15_000,
    );
    expect(failing).toMatch(/cannot read redis at 127\.0\.0\.1:16479/);
    // The other cluster and the HTTP side go on.
    expect(monitor.cluster("redis")?.error).toBeNull();
    const clusters = await (await fetch(`${base}/v3/kafka`)).json();
    expect(clusters).toMatchObject({ clusters: ["own", "redis"] });
    const up = await (await fetch(`${base}/metrics`)).text();
    expect(up).toContain('brokerlab_monitor_cluster_up{cluster="own",broker="redis"} 0');
    expect(up).toContain('brokerlab_monitor_cluster_up{cluster="redis",broker="redis"} 1');

    // Back on the same port (empty: --save ""): the error clears and the cluster is read again.
    await server.start();
    const back = await eventually(
      async () => monitor.cluster("own")?.error ?? null,
      (error) => error === null,
      20_000,
    );
    expect(back).toBeNull();
    expect(monitor.cluster("own")?.report("g", Date.now())).toBeUndefined();
  }, 90_000);
});
