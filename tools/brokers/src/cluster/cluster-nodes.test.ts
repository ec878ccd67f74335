import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { CLUSTER_NODES, clusterEndpoints, clusterNode, peersOf } from "./cluster-nodes.js";

describe("cluster nodes", () => {
  it("have the fixed names and ports of the README's table", () => {
    expect(CLUSTER_NODES.map((node) => [node.name, node.ports])).toEqual([
      ["kafka-1", { client: 19_092, controller: 19_093 }],
      ["kafka-2", { client: 19_094, controller: 19_095 }],
      ["kafka-3", { client: 19_096, controller: 19_097 }],
      ["rabbitmq-1", { amqp: 5701, management: 15_701, distribution: 25_701 }],
      ["rabbitmq-2", { amqp: 5702, management: 15_702, distribution: 25_702 }],
      ["rabbitmq-3", { amqp: 5703, management: 15_703, distribution: 25_703 }],
      ["redis-1", { client: 6391 }],
      ["redis-2", { client: 6392 }],
      ["redis-3", { client: 6393 }],
      ["sentinel-1", { sentinel: 26_391 }],
      ["sentinel-2", { sentinel: 26_392 }],
      ["sentinel-3", { sentinel: 26_393 }],
    ]);
  });

  it("clash with no port of the single-node brokers or the machine's own", () => {
    const ports = CLUSTER_NODES.flatMap((node) => Object.values(node.ports));
    expect(new Set(ports).size).toBe(ports.length);
    for (const taken of [9092, 9093, 5672, 15_672, 25_672, 4369, 6379, 26_379])
      expect(ports).not.toContain(taken);
  });

  it("give clients the addresses of every node, and Sentinel's master name", () => {
    expect(clusterEndpoints()).toEqual({
      kafkaBrokers: ["127.0.0.1:19092", "127.0.0.1:19094", "127.0.0.1:19096"],
      rabbitmqUrls: [5701, 5702, 5703].map((port) => `amqp://guest:guest@127.0.0.1:${port}`),
      redisSentinels: ["127.0.0.1:26391", "127.0.0.1:26392", "127.0.0.1:26393"],
      redisMaster: "brokerlab",
    });
  });

  it("count a node's peers within its broker (Redis nodes and Sentinels are peers of each other)", () => {
    expect(peersOf(clusterNode("kafka-2")).map((node) => node.name)).toEqual(["kafka-1", "kafka-3"]);
    expect(peersOf(clusterNode("redis-1")).map((node) => node.name)).toEqual([
      "redis-2",
      "redis-3",
      "sentinel-1",
      "sentinel-2",
      "sentinel-3",
    ]);
  });

  it("reject an unknown node with the list of known ones", () => {
    expect(() => clusterNode("kafka-4")).toThrow(UsageError);
    expect(() => clusterNode("kafka-4")).toThrow(
      /unknown node "kafka-4"; nodes: kafka-1, kafka-2, .*sentinel-3/,
    );
  });
});
