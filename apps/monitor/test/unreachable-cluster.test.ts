import { eventually, useOwnRedisServer } from "@brokerlab/testing";
import { Redis } from "ioredis";
import { describe, expect, it, onTestFinished } from "vitest";
import { reportOf, useMonitor, useServer } from "./use-monitor.js";

/** A port in this suite's range where nothing listens: a Kafka cluster that never answers. */
const NOWHERE = "127.0.0.1:7119";
/** The reachable cluster: a Redis of our own, so what others leave on the shared one cannot slow its polls. */
const OWN_PORT = 7111;

/** A redis-server on OWN_PORT, stopped when the test finishes, and a client of it. */
async function ownRedis(): Promise<Redis> {
  await useOwnRedisServer(OWN_PORT);
  const client = new Redis({ port: OWN_PORT });
  onTestFinished(() => client.disconnect());
  return client;
}

/** The part of Burrow's cluster detail this test reads. */
interface ClusterDetail {
  readonly module: { readonly servers: readonly string[]; readonly error: string | null };
}

describe("a cluster unreachable from the start", () => {
  it("is reported per cluster with its address while the reachable one is read and the API serves", async () => {
    const own = await ownRedis();
    const key = "brokerlab:{bl-unreachable}:stream";
    await own.xadd(key, "*", "v", "1");
    await own.xgroup("CREATE", key, "g-unreachable", "0");

    const monitor = useMonitor([
      { name: "gone", broker: "kafka", brokers: [NOWHERE] },
      { name: "redis", broker: "redis", url: `redis://127.0.0.1:${OWN_PORT}` },
    ]);
    const base = await useServer(monitor);

    const error = await eventually(
      async () => monitor.cluster("gone")?.error ?? null,
      (text) => text !== null,
      15_000,
    );
    expect(error).toBe(
      `cannot read kafka at ${NOWHERE}: nothing is listening there (connection refused); is kafka running? try \`pnpm brokers up\``,
    );
    // The reachable cluster is read as usual.
    const report = await eventually(
      async () => reportOf(monitor, "redis", "g-unreachable"),
      (found) => found?.totalLag === 1,
    );
    expect(report?.totalLag).toBe(1);
    expect(monitor.cluster("redis")?.error).toBeNull();

    // The HTTP API answers for both: the unreachable one with its error and address, the other normally.
    const list = await (await fetch(`${base}/v3/kafka`)).json();
    expect(list).toMatchObject({ error: false, clusters: ["gone", "redis"] });
    const gone = (await (await fetch(`${base}/v3/kafka/gone`)).json()) as ClusterDetail;
    expect(gone).toMatchObject({ error: false, module: { servers: [NOWHERE] } });
    expect(gone.module.error).toContain(NOWHERE);
    const redis = (await (await fetch(`${base}/v3/kafka/redis`)).json()) as ClusterDetail;
    expect(redis.module.error).toBeNull();
    const lag = await fetch(`${base}/v3/kafka/redis/consumer/g-unreachable/lag`);
    expect(lag.status).toBe(200);
    expect(await lag.json()).toMatchObject({ error: false, status: { totallag: 1 } });
    const snapshot = await fetch(`${base}/api/snapshot`);
    expect(snapshot.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('brokerlab_monitor_cluster_up{cluster="gone",broker="kafka"} 0');
    expect(metrics).toContain('brokerlab_monitor_cluster_up{cluster="redis",broker="redis"} 1');
  }, 60_000);
});
