import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { type KafkaCluster, startKafkaCluster } from "../src/kafka/kafka-cluster.js";
import { hasKafkaJars, kafkaClasspath } from "../src/kafka/kafka-jars.js";
import { createTopicAndWait, kafkaRoundTrip } from "../src/probes.js";
import { settingsFromEnv } from "../src/settings.js";
import { freePortRange } from "./free-ports.js";

// Throwaway clusters on spare ports in temp folders: the shared brokers are never touched.
const { cacheDir } = settingsFromEnv();
const clusters: KafkaCluster[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(clusters.map((cluster) => cluster.stop({ graceful: false })));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 60_000);

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "brokerlab-kafka-"));
  dirs.push(dir);
  return dir;
}

describe("native Kafka", () => {
  it("resolves the jars into the cache, starts one KRaft node, round-trips and stops", async () => {
    const basePort = await freePortRange(2);
    const dir = tempDir();
    const cluster = await startKafkaCluster({ dir, basePort, heap: "256m", cacheDir });
    clusters.push(cluster);

    expect(hasKafkaJars({ cacheDir })).toBe(true);
    expect(await kafkaClasspath({ cacheDir })).toBe(join(cacheDir, "kafka-3.9.1", "libs", "*"));
    expect(cluster.addresses).toEqual([`127.0.0.1:${basePort}`]);
    expect(readFileSync(join(dir, "node-1", "server.properties"), "utf8")).toContain(
      `listeners=PLAINTEXT://127.0.0.1:${basePort}`,
    );
    expect(await kafkaRoundTrip(cluster.addresses)).toEqual({ brokers: 1 });

    await cluster.stop();
    await expect(kafkaRoundTrip(cluster.addresses, 3000)).rejects.toThrow();
    expect(readFileSync(cluster.logFile(1), "utf8")).toContain("Kafka Server started");
  }, 120_000);

  it("runs three brokers where a topic with replication factor 3 can be created", async () => {
    const basePort = await freePortRange(6);
    const cluster = await startKafkaCluster({
      dir: tempDir(),
      brokers: 3,
      basePort,
      heap: "256m",
      cacheDir,
      waitMs: 90_000,
    });
    clusters.push(cluster);
    expect(cluster.addresses).toEqual(
      [basePort, basePort + 2, basePort + 4].map((port) => `127.0.0.1:${port}`),
    );

    const kafka = new Kafka({
      clientId: "brokerlab-test",
      brokers: cluster.addresses,
      logLevel: logLevel.NOTHING,
      retry: { retries: 10 },
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect((await admin.describeCluster()).brokers.map((broker) => broker.nodeId).sort()).toEqual([
        1, 2, 3,
      ]);
      await createTopicAndWait(admin, { topic: "bl-rf3", numPartitions: 3, replicationFactor: 3 });
      // On a busy machine the new topic's leaders can take a moment to reach every broker's metadata.
      const partitions = await eventually(
        async () => (await admin.fetchTopicMetadata({ topics: ["bl-rf3"] })).topics[0]?.partitions ?? [],
      );
      expect(partitions).toHaveLength(3);
      for (const partition of partitions) {
        expect([...partition.replicas].sort()).toEqual([1, 2, 3]);
      }
      const configs = await admin.describeConfigs({
        resources: [{ type: 4, name: "1", configNames: ["min.insync.replicas"] }],
        includeSynonyms: false,
      });
      expect(configs.resources[0]?.configEntries[0]?.configValue).toBe("2");
    } finally {
      await admin.disconnect();
    }
  }, 150_000);
});

async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
