import { ConnectionError, StartAt, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { Inbox, text, uniqueName, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { createKafkaClient, createRdkafkaClient, kafkaCapabilities } from "../src/index.js";
import { KAFKA_BROKERS, kafkaClient } from "./helpers.js";

describe("kafka client", () => {
  it("fails fast with the address and a hint when nothing listens", { timeout: 15_000 }, async () => {
    const client = createKafkaClient({ brokers: ["127.0.0.1:1"] });
    const failure = client.connect();
    await expect(failure).rejects.toBeInstanceOf(ConnectionError);
    await expect(failure).rejects.toThrow(/cannot reach 127\.0\.0\.1:1: .*pnpm brokers up/);
    await expect(client.publish("t", [{ value: text("x") }])).rejects.toMatchObject({
      code: "BROKERLAB_CONNECTION_FAILED",
    });
    await client.close();
  });

  it("reports the broker version the protocol reveals", async () => {
    const client = await kafkaClient();
    expect(await client.brokerVersion()).toMatch(/^(>=)?\d+\.\d+$/);
    expect(client.address).toBe(KAFKA_BROKERS.join(","));
    expect(client.capabilities).toBe(kafkaCapabilities);
  });

  it("says which acks each durability level publishes with", async () => {
    const client = await kafkaClient();
    expect(await client.settingsInEffect?.("none")).toMatchObject({ acks: 0, idempotent: "no" });
    expect(await client.settingsInEffect?.("replicated")).toMatchObject({ acks: -1 });
  });

  it("refuses what Kafka does not do with the typed error", async () => {
    const client = await kafkaClient();
    await expect(client.createTopic(uniqueName("dlq"), { deadLetterTopic: "x" })).rejects.toBeInstanceOf(
      UnsupportedCapabilityError,
    );
    await expect(client.createTopic(uniqueName("count"), { retention: { maxCount: 5 } })).rejects.toThrow(
      /kafka does not support retention by record count/,
    );
  });
});

describe.each([
  ["kafka", createKafkaClient],
  ["kafka-rdkafka", createRdkafkaClient],
] as const)("%s client close", (_target, createClient) => {
  it("close commits what was acknowledged, waits for publishes in flight, and loses nothing", async () => {
    const client = createClient({ brokers: KAFKA_BROKERS });
    const observer = await kafkaClient();
    const topic = await useTopic(observer, "close-all", { partitions: 2 });
    const other = await useTopic(observer, "close-late");
    const group = uniqueName("g");
    const sink = new Inbox();
    await client.subscribe(topic, { group, from: StartAt.earliest }, sink.handler());
    await client.publish(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: text(String(i)) })),
    );
    await sink.waitFor(20);
    const inFlight = client.publish(other, [{ key: "late", value: text("late") }], {
      durability: "leader",
    });
    await client.close();
    expect(await inFlight).toHaveLength(1);
    expect((await observer.inspect(other)).stored).toBe(1);
    // Every acknowledged record is committed: the group has nothing left.
    expect((await observer.lag(topic, group)).total).toBe(0);
  });
});
