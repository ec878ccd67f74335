import type { MessagingClient } from "@brokerlab/messaging";
import { createClient } from "@brokerlab/targets";
import { eventually, numberedRecords, uniqueName, useClient, useTopic } from "@brokerlab/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Monitor } from "../src/monitor.js";
import { KAFKA, REDIS, reportOf, useMonitor, useServer } from "./use-monitor.js";

/** Every sample line of Prometheus text: `name{label="value",...} number`. */
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? -?[0-9.e+-]+$|^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? NaN$/;

/** The stream with 30 records, a group that read them all and a group that stopped after 10 acks. */
interface Groups {
  readonly topic: string;
  readonly caughtUp: string;
  readonly stopped: string;
}

/** A JSON GET against the monitor's server. */
type Get = (path: string) => Promise<{ status: number; body: Record<string, unknown> }>;

describe("Redis stream groups and the HTTP side", () => {
  it("caught-up and stopped stream groups, Burrow's routes and shapes, /metrics", async () => {
    const monitor = useMonitor([KAFKA, REDIS]);
    const base = await useServer(monitor);
    const client = await useClient(() => createClient("redis-stream"));
    const groups = await caughtUpAndStoppedGroups(client);
    await expectStatuses(monitor, groups);
    const get: Get = async (path) => {
      const response = await fetch(`${base}${path}`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    await expectBurrowClusterRoutes(get, groups);
    await expectBurrowConsumerRoutes(get, groups);
    expect(await (await fetch(`${base}/burrow/admin`)).text()).toBe("GOOD");
    expectMetrics(await (await fetch(`${base}/metrics`)).text(), groups);
  }, 90_000);
});

async function caughtUpAndStoppedGroups(client: MessagingClient): Promise<Groups> {
  const topic = await useTopic(client, "mon");
  await client.publish(topic, numberedRecords(30));
  const caughtUp = uniqueName("caught-up");
  const stopped = uniqueName("stopped");
  let all = 0;
  const a = await client.subscribe(topic, { group: caughtUp, from: { kind: "earliest" } }, async (d) => {
    all += 1;
    await d.ack();
  });
  onTestFinished(() => a.close());
  let some = 0;
  const b = await client.subscribe(
    topic,
    { group: stopped, from: { kind: "earliest" }, prefetch: 1 },
    async (d) => {
      some += 1;
      if (some <= 10) await d.ack();
    },
  );
  await eventually(
    async () => some,
    (n) => n >= 11,
  );
  await b.close();
  await eventually(
    async () => all,
    (n) => n === 30,
  );
  expect((await client.lag(topic, stopped)).total).toBe(20);
  return { topic, caughtUp, stopped };
}

/** The evaluator: OK for the group that caught up, ERR (its partition STOP) for the one that stopped. */
async function expectStatuses(monitor: Monitor, { caughtUp, stopped }: Groups): Promise<void> {
  const ok = await eventually(
    async () => reportOf(monitor, "redis", caughtUp),
    (r) => r?.status === "OK" && r.totalLag === 0,
  );
  expect(ok).toMatchObject({ status: "OK", totalLag: 0, kind: "redis-stream", lagSeconds: 0 });
  const stop = await eventually(
    async () => reportOf(monitor, "redis", stopped),
    (r) => r?.partitions[0]?.status === "STOP" && r.totalLag === 20,
    30_000,
  );
  expect(stop).toMatchObject({ status: "ERR", totalLag: 20, kind: "redis-stream" });
  expect(stop?.lagSeconds).toBeGreaterThan(0);
}

/** Burrow's cluster, topic and consumer-list routes. */
async function expectBurrowClusterRoutes(get: Get, { topic, caughtUp, stopped }: Groups): Promise<void> {
  const clusters = await get("/v3/kafka");
  expect(clusters.body).toMatchObject({
    error: false,
    message: "cluster list returned",
    clusters: ["kafka", "redis"],
  });
  expect(clusters.body.request).toMatchObject({ url: "/v3/kafka" });
  expect((await get("/v3/kafka/redis")).body).toMatchObject({
    message: "cluster module detail returned",
    module: { "class-name": "redis", servers: ["127.0.0.1:6379"] },
  });
  expect((await get("/v3/kafka/redis/topic")).body.topics).toContain(topic);
  expect((await get(`/v3/kafka/redis/topic/${topic}`)).body).toMatchObject({
    message: "topic offsets returned",
    offsets: [30],
  });
  expect((await get("/v3/kafka/redis/consumer")).body.consumers).toEqual(
    expect.arrayContaining([caughtUp, stopped]),
  );
}

/** Burrow's per-group routes: detail, lag, status, and 404 for what does not exist. */
async function expectBurrowConsumerRoutes(get: Get, { topic, caughtUp, stopped }: Groups): Promise<void> {
  const detail = await get(`/v3/kafka/redis/consumer/${stopped}`);
  const partitions = (detail.body.topics as Record<string, Record<string, unknown>[]>)[topic];
  expect(partitions?.[0]).toMatchObject({ "current-lag": 20, owner: "", client_id: "" });
  expect(partitions?.[0]?.offsets).toHaveLength(10);
  const lag = await get(`/v3/kafka/redis/consumer/${stopped}/lag`);
  expect(lag.body).toMatchObject({ error: false, message: "consumer status returned" });
  expect(lag.body.status).toMatchObject({
    cluster: "redis",
    group: stopped,
    status: "ERR",
    totallag: 20,
    partition_count: 1,
  });
  const lagStatus = lag.body.status as {
    partitions: Record<string, unknown>[];
    maxlag: Record<string, unknown>;
  };
  expect(lagStatus.partitions[0]).toMatchObject({ topic, partition: 0, status: "STOP", current_lag: 20 });
  expect(lagStatus.maxlag).toMatchObject({ current_lag: 20 });
  // /status lists only partitions that are not OK; /lag lists all.
  expect(
    ((await get(`/v3/kafka/redis/consumer/${caughtUp}/status`)).body.status as { partitions: unknown[] })
      .partitions,
  ).toEqual([]);
  expect(
    ((await get(`/v3/kafka/redis/consumer/${caughtUp}/lag`)).body.status as { partitions: unknown[] })
      .partitions,
  ).toHaveLength(1);
  const missing = await get("/v3/kafka/redis/consumer/no-such-group/status");
  expect(missing.status).toBe(404);
  expect(missing.body.status).toMatchObject({
    status: "NOTFOUND",
    complete: 1,
    partitions: [],
    maxlag: null,
    totallag: 0,
  });
  expect((await get("/v3/kafka/nope/consumer")).status).toBe(404);
}

/** /metrics: valid Prometheus text with Burrow's and kafka-lag-exporter's series for both groups. */
function expectMetrics(metrics: string, { topic, caughtUp, stopped }: Groups): void {
  const samples = metrics.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  expect(samples.filter((line) => !SAMPLE.test(line))).toEqual([]);
  expect(metrics).toContain(
    `burrow_kafka_consumer_lag_total{cluster="redis",consumer_group="${stopped}"} 20`,
  );
  expect(metrics).toContain(`burrow_kafka_consumer_status{cluster="redis",consumer_group="${stopped}"} 3`);
  expect(metrics).toContain(
    `burrow_kafka_consumer_partition_lag{cluster="redis",consumer_group="${stopped}",topic="${topic}",partition="0"} 20`,
  );
  expect(metrics).toMatch(
    new RegExp(
      `kafka_consumergroup_group_lag_seconds\\{cluster_name="redis",group="${stopped}",topic="${topic}",partition="0"\\} [0-9.]+`,
    ),
  );
  expect(metrics).toContain(
    `kafka_consumergroup_group_max_lag_seconds{cluster_name="redis",group="${caughtUp}"} 0`,
  );
  expect(metrics).toContain(
    `burrow_kafka_topic_partition_offset{cluster="redis",topic="${topic}",partition="0"} 30`,
  );
}
