import { describe, expect, it } from "vitest";
import {
  clusterSettings,
  kafkaNodes,
  newClusterId,
  parseProperties,
  quorumVoters,
  serverProperties,
} from "./kafka-config.js";

describe("kafkaNodes", () => {
  it("gives node i the client port base + 2(i-1) and the next port to its controller", () => {
    expect(kafkaNodes(9092, 3)).toEqual([
      { id: 1, host: "127.0.0.1", port: 9092, controllerPort: 9093 },
      { id: 2, host: "127.0.0.1", port: 9094, controllerPort: 9095 },
      { id: 3, host: "127.0.0.1", port: 9096, controllerPort: 9097 },
    ]);
  });

  it("lists every node as a voter", () => {
    expect(quorumVoters(kafkaNodes(19092, 3))).toBe("1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097");
    expect(quorumVoters(kafkaNodes(9092, 1))).toBe("1@127.0.0.1:9093");
  });
});

describe("serverProperties", () => {
  it("configures a single combined broker+controller node", () => {
    const [node] = kafkaNodes(9092, 1);
    if (!node) throw new Error("no node");
    const properties = parseProperties(serverProperties(node, [node], "/state/kafka/node-1/data"));
    expect(properties).toMatchObject({
      "process.roles": "broker,controller",
      "node.id": "1",
      "controller.quorum.voters": "1@127.0.0.1:9093",
      listeners: "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
      "advertised.listeners": "PLAINTEXT://127.0.0.1:9092",
      "controller.listener.names": "CONTROLLER",
      "inter.broker.listener.name": "PLAINTEXT",
      "log.dirs": "/state/kafka/node-1/data",
      "offsets.topic.replication.factor": "1",
      "transaction.state.log.replication.factor": "1",
      "transaction.state.log.min.isr": "1",
      "min.insync.replicas": "1",
      "group.initial.rebalance.delay.ms": "0",
      "auto.create.topics.enable": "false",
      "log.retention.check.interval.ms": "5000",
      "log.initial.task.delay.ms": "1000",
    });
  });

  it("makes a three-node cluster replicate by default with min.insync.replicas 2", () => {
    const nodes = kafkaNodes(9092, 3);
    const second = nodes[1];
    if (!second) throw new Error("no node");
    const properties = parseProperties(serverProperties(second, nodes, "/d"));
    expect(properties).toMatchObject({
      "node.id": "2",
      "controller.quorum.voters": "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097",
      listeners: "PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095",
      "advertised.listeners": "PLAINTEXT://127.0.0.1:9094",
      "offsets.topic.replication.factor": "3",
      "transaction.state.log.replication.factor": "3",
      "transaction.state.log.min.isr": "2",
      "default.replication.factor": "3",
      "min.insync.replicas": "2",
    });
  });

  it("never asks for more replicas than there are brokers", () => {
    expect(clusterSettings(2)["offsets.topic.replication.factor"]).toBe("2");
    expect(clusterSettings(5)["offsets.topic.replication.factor"]).toBe("3");
  });
});

describe("newClusterId", () => {
  it("is 16 bytes in unpadded base64url, like StorageTool random-uuid", () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, "base64url")).toHaveLength(16);
  });

  it("never starts with a dash, which Kafka rejects", () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 1)];
    const id = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 2));
    expect(id.startsWith("-")).toBe(false);
    expect(id).toBe(Buffer.alloc(16, 1).toString("base64url"));
  });
});
