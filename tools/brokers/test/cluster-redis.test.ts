import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { clusterLeader, ensureCluster } from "../src/cluster/cluster.js";
import { clusterEndpoints, clusterNode } from "../src/cluster/cluster-nodes.js";
import { fault } from "../src/cluster/faults.js";
import {
  checkAcknowledgedKept,
  eventually,
  healClusterAfterTest,
  type Operation,
} from "./cluster-helpers.js";

beforeAll(() => ensureCluster({ only: ["redis"] }), 300_000);

/** A client that finds the primary through the Sentinels and follows a promotion. */
function sentinelClient(): Redis {
  const { redisSentinels, redisMaster } = clusterEndpoints();
  const redis = new Redis({
    sentinels: redisSentinels.map((address) => {
      const [host = "", port = ""] = address.split(":");
      return { host, port: Number(port) };
    }),
    name: redisMaster,
    maxRetriesPerRequest: 2,
  });
  redis.on("error", () => {});
  return redis;
}

/** RPUSH then WAIT 2 (both replicas, at most 2 s): acknowledged only when both replicas have it. */
async function push(
  redis: Redis,
  key: string,
  values: readonly string[],
  history: Operation[],
  replicas: number,
) {
  for (const value of values) {
    const outcome = await redis
      .rpush(key, value)
      .then(async () => Number(await redis.call("WAIT", String(replicas), "2000")))
      .then((acked) => (acked >= replicas ? ("ok" as const) : ("failed" as const)))
      .catch(() => "failed" as const);
    history.push({ type: "write", value, outcome });
  }
}

describe("Redis cluster under a primary crash", () => {
  it("promotes a replica, keeps every write WAIT acknowledged, and the old primary returns as a replica", async () => {
    healClusterAfterTest("redis");
    const key = `bl-cluster-${randomUUID().slice(0, 8)}`;
    const redis = sentinelClient();
    onTestFinished(async () => {
      await redis.del(key).catch(() => undefined);
      redis.disconnect();
    });
    const before = await clusterLeader("redis");
    expect(before.inSync).toHaveLength(2);

    const history: Operation[] = [];
    await push(
      redis,
      key,
      Array.from({ length: 100 }, (_, i) => `before-${i}`),
      history,
      2,
    );
    await fault("kill", before.leader);

    const during = await eventually(async () => {
      const info = await clusterLeader("redis");
      expect(info.leader).not.toBe(before.leader);
      return info;
    }, 30_000);
    // One replica is left: WAIT 1 now means "on two nodes".
    await push(
      redis,
      key,
      Array.from({ length: 50 }, (_, i) => `during-${i}`),
      history,
      1,
    );

    await fault("start", before.leader);
    await eventually(async () => {
      const info = await clusterLeader("redis");
      expect(info.leader).toBe(during.leader);
      expect(info.inSync).toContain(before.leader);
    }, 60_000);

    expect(
      history.filter((operation) => operation.type === "write" && operation.outcome === "ok"),
    ).toHaveLength(150);
    // Read back from the old primary, now a resynchronised replica, with a fresh client.
    const old = clusterNode(before.leader);
    const fresh = new Redis({ host: old.host, port: old.port, lazyConnect: true });
    onTestFinished(() => fresh.disconnect());
    await fresh.connect();
    expect((await fresh.info("replication")).match(/^role:(\w+)/m)?.[1]).toBe("slave");
    history.push({
      type: "read",
      values: await eventually(async () => {
        const values = await fresh.lrange(key, 0, -1);
        expect(values.length).toBeGreaterThanOrEqual(150);
        return values;
      }),
    });
    expect(checkAcknowledgedKept(history)).toEqual({ lost: [], unexpected: [] });
  }, 240_000);
});
