import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type KafkaCluster, startKafkaCluster } from "../src/kafka/kafka-cluster.js";
import { hasKafkaJars, kafkaClasspath } from "../src/kafka/kafka-jars.js";
import { kafkaRoundTrip } from "../src/probes.js";
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
});
