import { type LoadedWorkload, parseWorkload } from "@brokerlab/bench";
import { InvalidArgumentError } from "@brokerlab/messaging";
import { connectionSource, createClient, TARGET_IDS, targetDefinition } from "@brokerlab/targets";
import { startOwnRedisServer } from "@brokerlab/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { checkRecordSize, checkResources } from "../src/guards/resource-guard.js";

/** A Redis of our own in this suite's port range, with a small maxmemory: the shared brokers are left alone. */
const PORT = 7110;
const OWN_REDIS = { env: { ...process.env, BROKERLAB_REDIS_URL: `redis://127.0.0.1:${PORT}` } };

function workload(fields: Record<string, unknown>): LoadedWorkload {
  const document = { name: "guard", topics: 1, messageSize: 1024, testDurationSeconds: 5, ...fields };
  return { ...parseWorkload(document, "guard.yaml", TARGET_IDS), file: "guard.yaml" };
}

// The file's tests share one own Redis with maxmemory 10mb, stopped after them.
beforeAll(async () => {
  const redis = await startOwnRedisServer(PORT, ["--maxmemory", "10mb"]);
  return () => redis.stop();
});

describe("resource guards, before a record is sent", () => {
  it("refuse a backlog larger than Redis' maxmemory, with the numbers and the fix", async () => {
    const refused = checkResources(
      workload({ producerRate: 1000, consumerBacklogSizeGB: 1 }),
      ["redis-list"],
      OWN_REDIS,
    );
    await expect(refused).rejects.toThrow(InvalidArgumentError);
    await expect(refused).rejects.toThrow(
      /^workload "guard" would keep 1\.0 GiB on redis-list \(consumerBacklogSizeGB 1\) but redis can hold \d+\.\d MiB \(maxmemory 10\.0 MiB less \d+\.\d MiB used \(INFO memory\)\); lower consumerBacklogSizeGB, or raise Redis' maxmemory$/,
    );
    // 2 MiB fits in the same Redis.
    await checkResources(
      workload({ producerRate: 1000, consumerBacklogSizeGB: 0.002 }),
      ["redis-list"],
      OWN_REDIS,
    );
  });

  it("count what a stream keeps after it is read, but not what a queue hands on", async () => {
    // 1000 msg/s × 1 KiB × 20 s = 19.5 MiB kept by the stream; the list holds only what is not yet consumed.
    const twenty = workload({ producerRate: 1000, testDurationSeconds: 20, warmupDurationSeconds: 0 });
    await expect(checkResources(twenty, ["redis-stream"], OWN_REDIS)).rejects.toThrow(
      /would keep 19\.5 MiB on redis-stream \(1000 msg\/s × 1\.0 KiB × 20 s of warm-up and test, all kept after consumption\)/,
    );
    await checkResources(twenty, ["redis-list"], OWN_REDIS);
  });

  it("refuse a backlog larger than the free disk of Kafka's log directory", async () => {
    const huge = workload({ producerRate: 1000, consumerBacklogSizeGB: 1_000_000 });
    await expect(checkResources(huge, ["kafka"], connectionSource())).rejects.toThrow(
      /would keep [\d.]+ GiB on kafka \(consumerBacklogSizeGB 1000000 \+ .*\) but kafka can hold [\d.]+ GiB \(free disk of \/.+\); lower consumerBacklogSizeGB, producerRate, testDurationSeconds, messageSize, or free disk space there/,
    );
  });

  it("refuse a record larger than the target accepts, and the largest allowed one is accepted by Kafka", async () => {
    const capacity = targetDefinition("kafka").bench.capacity;
    const limit = capacity?.maxRecordBytes ?? 0;
    expect(() => checkRecordSize(workload({ producerRate: 10, messageSize: limit + 1 }), ["kafka"])).toThrow(
      `workload "guard": a record of 7.9 MiB (${limit + 1} bytes) is more than kafka accepts, ${limit} bytes`,
    );
    checkRecordSize(workload({ producerRate: 10, messageSize: limit }), ["kafka"]);

    const client = createClient("kafka");
    const topic = `bl-guard-${Date.now()}`;
    await client.connect();
    try {
      await client.createTopic(topic, { partitions: 1 });
      const value = new Uint8Array(limit).fill(7);
      const headers = { "bl-sent-at": String(Date.now()) };
      await expect(client.publish(topic, [{ key: "k", value, headers }])).resolves.toHaveLength(1);
    } finally {
      await client.deleteTopic(topic).catch(() => undefined);
      await client.close();
    }
  });
});
