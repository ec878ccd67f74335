import { describe, expect, it } from "vitest";
import { parseConfig, singleNodeClusters, threeNodeClusters } from "./config.js";

describe("clusters", () => {
  it("defaults to the single nodes named kafka, rabbitmq, redis and the cluster's fixed ports", () => {
    expect(singleNodeClusters({}).map((c) => c.name)).toEqual(["kafka", "rabbitmq", "redis"]);
    const cluster = threeNodeClusters({});
    expect(cluster.map((c) => c.name)).toEqual(["kafka-cluster", "rabbitmq-cluster", "redis-cluster"]);
    expect(cluster[0]).toMatchObject({ brokers: ["127.0.0.1:19092", "127.0.0.1:19094", "127.0.0.1:19096"] });
    expect(cluster[1]).toMatchObject({ management: "http://127.0.0.1:15701" });
    expect(threeNodeClusters({ BROKERLAB_CLUSTER_KAFKA_BROKERS: "h:1,h:2" })[0]).toMatchObject({
      brokers: ["h:1", "h:2"],
    });
  });

  it("reads named clusters of any broker from a config document", () => {
    const clusters = parseConfig(
      {
        clusters: [
          {
            name: "east",
            broker: "kafka",
            brokers: ["a:9092"],
            sasl: { mechanism: "plain", username: "u", password: "p" },
          },
          { name: "west", broker: "kafka", brokers: ["b:9092"] },
          { name: "mq", broker: "rabbitmq", url: "amqp://u:p@mq:5672", queues: ["jobs"] },
          { name: "cache", broker: "redis", url: "redis://c:6379" },
        ],
      },
      "f.yaml",
    );
    expect(clusters.map((c) => `${c.name}:${c.broker}`)).toEqual([
      "east:kafka",
      "west:kafka",
      "mq:rabbitmq",
      "cache:redis",
    ]);
  });

  it("says in one line what is wrong with the file", () => {
    expect(() => parseConfig({}, "f.yaml")).toThrow(/--config f.yaml: expected "clusters:"/);
    expect(() => parseConfig({ clusters: [{ name: "a", broker: "nats" }] }, "f.yaml")).toThrow(
      /broker must be one of/,
    );
    expect(() => parseConfig({ clusters: [{ name: "a", broker: "kafka" }] }, "f.yaml")).toThrow(
      /brokers must be a list/,
    );
    expect(() =>
      parseConfig(
        {
          clusters: [
            { name: "a", broker: "redis", url: "x" },
            { name: "a", broker: "redis", url: "redis://x" },
          ],
        },
        "f.yaml",
      ),
    ).toThrow(/url must start with redis/);
  });
});
