import { describe, expect, it } from "vitest";
import {
  brokerOf,
  capabilitiesOf,
  createClient,
  parseTargets,
  TARGET_IDS,
  targetDefinition,
} from "./lookup.js";
import { TARGETS } from "./targets.js";

describe("target lookups", () => {
  it("derive the ids from the adapter packages' definitions, in their order", () => {
    expect(TARGET_IDS).toEqual(TARGETS.map((target) => target.id));
    expect(TARGET_IDS).toContain("kafka");
    expect(brokerOf("rabbitmq-stream")).toBe("rabbitmq");
    expect(capabilitiesOf("kafka", { env: {} })).toEqual(targetDefinition("kafka").capabilities);
  });

  it("give the capabilities of the deployment BROKERLAB_DEPLOYMENT names", () => {
    const cluster = { env: { BROKERLAB_DEPLOYMENT: "cluster" } };
    expect(capabilitiesOf("kafka", { env: {} }).durability).toEqual(["none", "leader"]);
    expect(capabilitiesOf("kafka", cluster).durability).toEqual(["none", "leader", "replicated"]);
    expect(capabilitiesOf("rabbitmq-quorum", cluster).durability).toEqual(["none", "replicated"]);
    expect(capabilitiesOf("redis-stream", cluster).durability).toEqual(["none", "leader", "replicated"]);
    expect(createClient("kafka", cluster).capabilities).toEqual(capabilitiesOf("kafka", cluster));
    expect(createClient("redis-list", cluster).capabilities).toEqual(capabilitiesOf("redis-list", cluster));
    expect(createClient("rabbitmq-stream", cluster).capabilities).toEqual(
      capabilitiesOf("rabbitmq-stream", cluster),
    );
  });

  it("fail loudly on an unknown id, naming the valid ones", () => {
    const message = `unknown target "nats"; valid targets: ${TARGET_IDS.join(", ")}`;
    expect(() => targetDefinition("nats")).toThrow(message);
    expect(() => capabilitiesOf("nats")).toThrow(message);
    expect(() => brokerOf("nats")).toThrow(message);
    expect(() => createClient("nats")).toThrow(message);
  });

  it("build a client for the target asked for, with its broker's settings", () => {
    const client = createClient("redis-stream", { env: { BROKERLAB_REDIS_URL: "redis://10.1.2.3:7000" } });
    expect(client.target).toBe("redis-stream");
    expect(client.address).toBe("10.1.2.3:7000");
  });
});

describe("parseTargets", () => {
  it("expands all and keeps the order given", () => {
    expect(parseTargets(undefined)).toEqual([...TARGET_IDS]);
    expect(parseTargets("all")).toEqual([...TARGET_IDS]);
    expect(parseTargets("redis-list,kafka,kafka")).toEqual(["redis-list", "kafka"]);
  });

  it("names the valid targets when one is unknown", () => {
    expect(() => parseTargets("kafka,nats")).toThrow(
      /unknown target "nats"; valid targets: kafka, kafka-rdkafka, rabbitmq-queue/,
    );
  });
});
