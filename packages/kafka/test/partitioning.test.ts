import { InvalidArgumentError } from "@brokerlab/messaging";
import { Inbox, text, uniqueName, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { partitionForKey } from "../src/index.js";
import { KAFKA_CLIENTS, kafkaClient } from "./helpers.js";

// Partitions the Java client (kafka-clients 3.9.1, BuiltInPartitioner.partitionForKey) picks for these keys on a
// 7-partition topic; src/partitioner.test.ts has the full table with the raw murmur2 values.
const JAVA_7: Record<string, number> = {
  "1": 2,
  "12": 4,
  kafka: 3,
  "order-42": 1,
  "user-7": 2,
  "héllo-ключ-🚀": 1,
};

describe.each(KAFKA_CLIENTS)("%s keyed partitioning", (_target, kafkaClient) => {
  it("stores keyed records on the partition the Java partitioner picks, every time", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "keyed", { partitions: 7 });
    const keys = [...Object.keys(JAVA_7), "", ...Array.from({ length: 40 }, (_, i) => `key-${i}`)];
    const receipts = await client.publish(
      topic,
      [...keys, ...keys].map((key) => ({ key, value: text(key) })),
    );
    receipts.forEach((receipt, i) => {
      const key = keys[i % keys.length] ?? "";
      expect(receipt.position?.partition).toBe(partitionForKey(key, 7));
      if (key in JAVA_7) expect(receipt.position?.partition).toBe(JAVA_7[key]);
    });

    // Read back what the broker stored: the partition each record really sits in.
    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: { kind: "earliest" } },
      sink.handler(),
    );
    await sink.waitFor(keys.length * 2);
    await subscription.close();
    for (const delivery of sink.deliveries) {
      expect(delivery.position.partition).toBe(partitionForKey(delivery.key ?? "", 7));
    }
  });
});

describe("kafka partitioning", () => {
  it("spreads unkeyed records over the partitions", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "unkeyed", { partitions: 3 });
    const receipts = await client.publish(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ value: text(String(i)) })),
    );
    expect(new Set(receipts.map((r) => r.position?.partition))).toEqual(new Set([0, 1, 2]));
  });

  it("grows a topic and surfaces the broker's refusal to shrink it", { timeout: 60_000 }, async () => {
    const client = await kafkaClient();
    const observer = await kafkaClient();
    const topic = await useTopic(client, "grow", { partitions: 3 });
    // Both clients have the topic's metadata cached before it grows.
    const before = await client.publish(topic, [{ key: "kafka", value: text("x") }]);
    expect(before[0]?.position?.partition).toBe(partitionForKey("kafka", 3));
    expect((await observer.inspect(topic)).partitions).toHaveLength(3);
    const sink = new Inbox();
    const subscription = await observer.subscribe(topic, { group: uniqueName("g") }, sink.handler());

    await client.addPartitions(topic, 6);
    expect((await client.inspect(topic)).partitions).toHaveLength(6);
    expect((await observer.inspect(topic)).partitions).toHaveLength(6);
    // The same key now hashes over six partitions: the ordering hazard of growing a keyed topic.
    const after = await client.publish(topic, [{ key: "kafka", value: text("y") }]);
    expect(after[0]?.position?.partition).toBe(partitionForKey("kafka", 6));
    expect(partitionForKey("kafka", 6)).not.toBe(partitionForKey("kafka", 3));
    // A running subscription notices the new partitions on its next metadata refresh and reads them too.
    await sink.waitFor(2, 40_000);
    await subscription.close();

    const refusal = client.addPartitions(topic, 3);
    await expect(refusal).rejects.toBeInstanceOf(InvalidArgumentError);
    // The broker's own words, not just kafkajs' generic "Number of partitions is invalid".
    await expect(refusal).rejects.toThrow(/INVALID_PARTITIONS: .*currently has 6 partition/);
    expect((await client.inspect(topic)).partitions).toHaveLength(6);
  });

  it("creates topics idempotently with retention configs and deletes them", async () => {
    const client = await kafkaClient();
    const topic = uniqueName("create");
    const options = {
      partitions: 2,
      retention: { maxAgeMs: 60_000, maxBytes: 1_000_000, segmentBytes: 100_000 },
    };
    await client.createTopic(topic, options);
    await client.createTopic(topic, options);
    expect((await client.inspect(topic)).partitions).toHaveLength(2);
    await client.deleteTopic(topic);
    await client.deleteTopic(topic);
    await expect(client.inspect(topic)).rejects.toThrow(/does not exist/);
    await expect(client.createTopic(uniqueName("rf"), { replicationFactor: 5 })).rejects.toThrow(
      /INVALID_REPLICATION_FACTOR/,
    );
  });
});
