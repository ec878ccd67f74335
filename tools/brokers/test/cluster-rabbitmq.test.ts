import { randomUUID } from "node:crypto";
import amqplib from "amqplib";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { clusterLeader, ensureCluster } from "../src/cluster/cluster.js";
import { clusterNode } from "../src/cluster/cluster-nodes.js";
import { fault } from "../src/cluster/faults.js";
import {
  checkAcknowledgedKept,
  eventually,
  healClusterAfterTest,
  type Operation,
} from "./cluster-helpers.js";

beforeAll(() => ensureCluster({ only: ["rabbitmq"] }), 300_000);

const urlOf = (name: string) => {
  const node = clusterNode(name);
  return `amqp://guest:guest@${node.host}:${node.port}`;
};

async function connect(name: string): Promise<amqplib.ChannelModel> {
  const connection = await amqplib.connect(urlOf(name));
  connection.on("error", () => {});
  return connection;
}

async function publish(
  nodeName: string,
  queue: string,
  values: readonly string[],
  history: Operation[],
): Promise<void> {
  const connection = await connect(nodeName);
  try {
    const channel = await connection.createConfirmChannel();
    for (const value of values) {
      const outcome = await new Promise<"ok" | "failed">((resolve) => {
        channel.sendToQueue(queue, Buffer.from(value), { persistent: true }, (error) =>
          resolve(error ? "failed" : "ok"),
        );
      });
      history.push({ type: "write", value, outcome });
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function drain(nodeName: string, queue: string): Promise<string[]> {
  const connection = await connect(nodeName);
  const values: string[] = [];
  try {
    const channel = await connection.createChannel();
    for (;;) {
      const message = await channel.get(queue, { noAck: true });
      if (!message) break;
      values.push(message.content.toString());
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
  return values;
}

describe("RabbitMQ cluster under a quorum queue leader crash", () => {
  it("elects a new leader, keeps every confirmed message, and the old leader rejoins as a member", async () => {
    healClusterAfterTest("rabbitmq");
    const queue = `bl-cluster-${randomUUID().slice(0, 8)}`;
    const setup = await connect("rabbitmq-1");
    const channel = await setup.createChannel();
    await channel.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } });
    await setup.close();
    onTestFinished(async () => {
      const cleanup = await connect("rabbitmq-1");
      await (await cleanup.createChannel()).deleteQueue(queue).catch(() => undefined);
      await cleanup.close().catch(() => undefined);
    });

    const before = await eventually(async () => {
      const info = await clusterLeader("rabbitmq", [queue]);
      expect(info.inSync).toHaveLength(3);
      return info;
    });
    expect(before.members).toHaveLength(3);
    // Publish through a node that survives the crash.
    const survivor = before.members.find((name) => name !== before.leader) ?? "rabbitmq-1";

    const history: Operation[] = [];
    await publish(
      survivor,
      queue,
      Array.from({ length: 100 }, (_, i) => `before-${i}`),
      history,
    );
    await fault("kill", before.leader);

    const during = await eventually(async () => {
      const info = await clusterLeader("rabbitmq", [queue]);
      expect(info.leader).not.toBe(before.leader);
      expect(info.inSync).toHaveLength(2);
      return info;
    });
    expect(during.members).toHaveLength(3);
    // Two of three members are a majority: publishes are still confirmed.
    await publish(
      survivor,
      queue,
      Array.from({ length: 50 }, (_, i) => `during-${i}`),
      history,
    );

    await fault("start", before.leader);
    await eventually(async () => {
      const info = await clusterLeader("rabbitmq", [queue]);
      expect(info.inSync).toHaveLength(3);
    }, 90_000);

    expect(
      history.filter((operation) => operation.type === "write" && operation.outcome === "ok"),
    ).toHaveLength(150);
    history.push({ type: "read", values: await drain(before.leader, queue) });
    expect(checkAcknowledgedKept(history)).toEqual({ lost: [], unexpected: [] });
  }, 240_000);
});
