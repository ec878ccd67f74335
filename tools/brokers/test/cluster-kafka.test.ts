import { randomUUID } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ensureCluster } from "../src/cluster/cluster.js";
import { clusterEndpoints } from "../src/cluster/cluster-nodes.js";
import { fault } from "../src/cluster/faults.js";
import { kafkaPartitionState } from "../src/kafka/kafka-cluster-definition.js";
import { createTopicAndWait } from "../src/probes.js";
import {
  checkAcknowledgedKept,
  eventually,
  healClusterAfterTest,
  type Operation,
} from "./cluster-helpers.js";

// The three-node cluster that `pnpm brokers up --cluster` runs (started here when it is not up).
beforeAll(() => ensureCluster({ only: ["kafka"] }), 300_000);

const kafka = new Kafka({
  clientId: "brokerlab-cluster-test",
  brokers: clusterEndpoints().kafkaBrokers,
  logLevel: logLevel.NOTHING,
  retry: { retries: 8, initialRetryTime: 300 },
});

async function produce(topic: string, values: readonly string[], history: Operation[]): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const value of values) {
      const outcome = await producer
        .send({ topic, acks: -1, messages: [{ value }] })
        .then(() => "ok" as const)
        .catch(() => "failed" as const);
      history.push({ type: "write", value, outcome });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Every record of the topic, read by a fresh consumer group from the beginning. */
async function readAll(topic: string, expected: number): Promise<string[]> {
  const groupId = `bl-cluster-read-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  const values: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${values.length} of ${expected} records`)),
        60_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          values.push(message.value?.toString() ?? "");
          if (values.length >= expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}

describe("Kafka cluster under a leader crash", () => {
  it("elects a new leader, keeps every acks=all record, and the old leader rejoins the ISR", async () => {
    healClusterAfterTest("kafka");
    const topic = `bl-cluster-${randomUUID().slice(0, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    onTestFinished(async () => {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    });
    await createTopicAndWait(admin, { topic, numPartitions: 1, replicationFactor: 3 });
    const before = await eventually(async () => {
      const state = await kafkaPartitionState(topic);
      expect(state.inSync).toHaveLength(3);
      return state;
    });

    const history: Operation[] = [];
    await produce(
      topic,
      Array.from({ length: 100 }, (_, i) => `before-${i}`),
      history,
    );
    await fault("kill", before.leader);

    const during = await eventually(async () => {
      const state = await kafkaPartitionState(topic);
      expect(state.leader).not.toBe(before.leader);
      expect(state.inSync).toHaveLength(2);
      return state;
    });
    expect(during.inSync).not.toContain(before.leader);
    // Two in sync meet min.insync.replicas 2: acks=all writes still succeed.
    await produce(
      topic,
      Array.from({ length: 50 }, (_, i) => `during-${i}`),
      history,
    );

    await fault("start", before.leader);
    const after = await eventually(async () => {
      const state = await kafkaPartitionState(topic);
      expect(state.inSync).toHaveLength(3);
      return state;
    }, 90_000);
    expect(after.inSync).toContain(before.leader);

    const acknowledged = history.filter(
      (operation) => operation.type === "write" && operation.outcome === "ok",
    );
    expect(acknowledged).toHaveLength(150);
    history.push({ type: "read", values: await readAll(topic, acknowledged.length) });
    expect(checkAcknowledgedKept(history)).toEqual({ lost: [], unexpected: [] });
  }, 240_000);
});
