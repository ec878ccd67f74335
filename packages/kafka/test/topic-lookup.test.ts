import { StartAt } from "@brokerlab/messaging";
import { uniqueName } from "@brokerlab/testing";
import kafkajs, { type Admin } from "kafkajs";
import { describe, expect, it, onTestFinished } from "vitest";
import { TopicAdmin } from "../src/admin/topic-admin.js";
import { KAFKA_BROKERS } from "./helpers.js";

/** A TopicAdmin over a kafkajs admin whose metadata calls are counted (the broker is real, only counted). */
async function countingAdmin(): Promise<{ topics: TopicAdmin; admin: Admin; calls: Map<string, number> }> {
  const kafka = new kafkajs.Kafka({ brokers: KAFKA_BROKERS, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  onTestFinished(() => admin.disconnect());
  const calls = new Map<string, number>();
  const count = <K extends "listTopics" | "fetchTopicMetadata">(name: K) => {
    const original = admin[name].bind(admin) as (...args: unknown[]) => Promise<unknown>;
    const counted = (...args: unknown[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return original(...args);
    };
    Object.assign(admin, { [name]: counted });
  };
  count("listTopics");
  count("fetchTopicMetadata");
  return { topics: new TopicAdmin(admin, KAFKA_BROKERS.join(",")), admin, calls };
}

async function createdTopic(admin: Admin, partitions: number): Promise<string> {
  const topic = uniqueName("lookup");
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  onTestFinished(() => admin.deleteTopics({ topics: [topic] }).catch(() => undefined));
  return topic;
}

describe("kafka topic lookups", () => {
  it("asks for the one topic concerned, never for the list of every topic", async () => {
    const { topics, admin, calls } = await countingAdmin();
    const topic = await createdTopic(admin, 3);
    expect(await topics.exists(topic)).toBe(true);
    expect(await topics.partitionCount(topic)).toBe(3);
    const starts = await topics.startOffsets(topic, uniqueName("g"), StartAt.earliest, [0, 1, 2], false);
    expect([...starts.keys()].sort()).toEqual([0, 1, 2]);
    expect(calls.get("listTopics") ?? 0).toBe(0);
    expect(calls.get("fetchTopicMetadata")).toBe(3);
  });

  it("shares one request among lookups of a topic made while one is in flight", async () => {
    const { topics, admin, calls } = await countingAdmin();
    const topic = await createdTopic(admin, 1);
    const answers = await Promise.all(Array.from({ length: 5 }, () => topics.exists(topic)));
    expect(answers).toEqual([true, true, true, true, true]);
    expect(calls.get("fetchTopicMetadata")).toBe(1);
    // Once answered, the next lookup asks again: nothing is cached past the request.
    await topics.exists(topic);
    expect(calls.get("fetchTopicMetadata")).toBe(2);
  });

  it("says a topic is missing after looking for it again, and refuses its partition count as not found", async () => {
    const { topics, calls } = await countingAdmin();
    const topic = uniqueName("never-created");
    expect(await topics.exists(topic)).toBe(false);
    // Five checks: a cluster broker's metadata can lag a topic created a moment ago.
    expect(calls.get("fetchTopicMetadata")).toBe(5);
    await expect(topics.partitionCount(topic)).rejects.toMatchObject({ code: "BROKERLAB_NOT_FOUND" });
  });
});
