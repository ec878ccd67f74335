import { crc32 } from "node:zlib";
import { ConnectionError } from "@brokerlab/messaging";
import { text, uniqueName, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { createRdkafkaClient, partitionForKey } from "../src/index.js";
import { KAFKA_BROKERS, rdkafkaClient } from "./helpers.js";

describe("kafka-rdkafka publishing", () => {
  it("fails fast with the address and a hint when nothing listens", { timeout: 15_000 }, async () => {
    const client = createRdkafkaClient({ brokers: ["127.0.0.1:1"] });
    const failure = client.connect();
    await expect(failure).rejects.toBeInstanceOf(ConnectionError);
    await expect(failure).rejects.toThrow(/cannot reach 127\.0\.0\.1:1: .*pnpm brokers up/);
    await client.close();
  });

  it("publishes at the single node's durability levels; acks=0 gets no positions", async () => {
    const client = await rdkafkaClient();
    const topic = await useTopic(client, "levels", { partitions: 2 });
    const records = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: text(String(i)) }));
    const none = await client.publish(topic, records, { durability: "none" });
    expect(none.every((receipt) => receipt.position === undefined)).toBe(true);
    const receipts = await client.publish(topic, records, { durability: "leader" });
    const partitions = receipts.map((receipt) => receipt.position?.partition);
    expect(partitions).toEqual(records.map((_, i) => partitionForKey(`k${i}`, 2)));
    await expect(client.publish(topic, records, { durability: "replicated" })).rejects.toThrow(
      /kafka-rdkafka does not support durability "replicated": .*needs the cluster/,
    );
    expect((await client.inspect(topic)).stored).toBe(20);
  });

  it("hashes keys over the new partition count as soon as it grew a topic", async () => {
    const client = await rdkafkaClient();
    const topic = await useTopic(client, "grow", { partitions: 3 });
    const [before] = await client.publish(topic, [{ key: "kafka", value: text("x") }]);
    expect(before?.position?.partition).toBe(partitionForKey("kafka", 3));
    await client.addPartitions(topic, 6);
    const [after] = await client.publish(topic, [{ key: "kafka", value: text("y") }]);
    expect(after?.position?.partition).toBe(partitionForKey("kafka", 6));
  });

  it("with consistent-random, puts keys where librdkafka's default does: CRC32, not Java's murmur2", async () => {
    const client = await rdkafkaClient({ keyedPartitioning: "consistent-random" });
    const topic = await useTopic(client, "crc32", { partitions: 6 });
    const keys = Array.from({ length: 60 }, (_, i) => `user-${i}`);
    const receipts = await client.publish(
      topic,
      keys.map((key) => ({ key, value: text(key) })),
    );
    const elsewhere = keys.filter((key, i) => {
      expect(receipts[i]?.position?.partition).toBe(crc32(key) % 6);
      return receipts[i]?.position?.partition !== partitionForKey(key, 6);
    });
    // Most keys land elsewhere than a Java producer would put them (5 in 6 by chance).
    expect(elsewhere.length).toBeGreaterThan(30);
  });

  it("names a missing topic and a record larger than the topic takes, in one line", async () => {
    const client = await rdkafkaClient();
    await expect(client.publish(uniqueName("missing"), [{ value: text("x") }])).rejects.toThrow(
      /does not exist at .*; create it with createTopic/,
    );
    const topic = await useTopic(client, "large");
    // Topics made by the adapter take 8 MiB records: the broker refuses a bigger one, librdkafka itself one
    // beyond its request limit.
    for (const bytes of [8.5 * 1024 * 1024, 10 * 1024 * 1024]) {
      await expect(client.publish(topic, [{ value: new Uint8Array(bytes) }])).rejects.toThrow(
        /a record is larger than topic .* accepts/,
      );
    }
    expect((await client.inspect(topic)).stored).toBe(0);
    expect(client.address).toBe(KAFKA_BROKERS.join(","));
  });
});
