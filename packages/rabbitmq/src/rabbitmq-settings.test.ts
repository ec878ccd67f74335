import { describe, expect, it } from "vitest";
import { rabbitMqSettings } from "./rabbitmq-settings.js";

describe("rabbitMqSettings", () => {
  it("reads the single node's URL by default", () => {
    expect(rabbitMqSettings({ env: {} })).toEqual({
      url: "amqp://guest:guest@127.0.0.1:5672",
      urls: ["amqp://guest:guest@127.0.0.1:5672"],
    });
  });

  it("lists every cluster node with BROKERLAB_DEPLOYMENT=cluster", () => {
    const cluster = rabbitMqSettings({ env: { BROKERLAB_DEPLOYMENT: "cluster" } });
    expect(cluster.urls).toEqual([5701, 5702, 5703].map((port) => `amqp://guest:guest@127.0.0.1:${port}`));
    expect(cluster.url).toBe(cluster.urls[0]);
    const env = { BROKERLAB_DEPLOYMENT: "cluster", BROKERLAB_CLUSTER_RABBITMQ_URLS: "amqp://a, amqp://b" };
    expect(rabbitMqSettings({ env })).toEqual({
      url: "amqp://a",
      urls: ["amqp://a", "amqp://b"],
      deployment: "cluster",
    });
  });
});
