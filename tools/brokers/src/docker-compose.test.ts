import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMPOSE_FILE, composeServices } from "./docker.js";
import { clusterSettings, kafkaNodes } from "./kafka/kafka-config.js";
import { KAFKA_VERSION, RABBITMQ_VERSION, REDIS_VERSION } from "./settings.js";

interface Service {
  image: string;
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(COMPOSE_FILE, "utf8"), { merge: true }) as {
  services: Record<string, Service>;
};

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** The apache/kafka image maps KAFKA_FOO_BAR to foo.bar. */
function brokerProperties(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment)
      .filter(([key]) => key.startsWith("KAFKA_") && key !== "KAFKA_HEAP_OPTS")
      .map(([key, value]) => [key.slice("KAFKA_".length).toLowerCase().replaceAll("_", "."), String(value)]),
  );
}

describe("docker-compose.yml matches the native launcher", () => {
  it("uses the same broker versions", () => {
    for (const name of ["kafka", "kafka-1", "kafka-2", "kafka-3"]) {
      expect(service(name).image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    }
    expect(service("rabbitmq").image).toBe(`rabbitmq:${RABBITMQ_VERSION}-management`);
    expect(service("redis").image).toBe(`redis:${REDIS_VERSION}`);
  });

  it("has the profiles and services the launcher asks for", () => {
    for (const brokers of [1, 3]) {
      const { services, profile } = composeServices("kafka", brokers);
      for (const name of services) expect(service(name).profiles).toEqual([profile]);
    }
    expect(service("redis").profiles).toBeUndefined();
    expect(service("rabbitmq").profiles).toBeUndefined();
  });

  it.each([1, 3])("runs %i Kafka broker(s) on the native ports with the native settings", (brokers) => {
    const { services } = composeServices("kafka", brokers);
    const nodes = kafkaNodes(9092, brokers);
    services.forEach((name, index) => {
      const node = nodes[index];
      const definition = service(name);
      const properties = brokerProperties(definition.environment ?? {});
      expect(properties).toMatchObject(clusterSettings(brokers));
      expect(properties["node.id"]).toBe(String(node?.id));
      expect(definition.ports).toEqual([`127.0.0.1:${node?.port}:${node?.port}`]);
      expect(properties.listeners).toContain(
        `PLAINTEXT://:${node?.port},CONTROLLER://:${node?.controllerPort}`,
      );
      expect(properties["advertised.listeners"]).toContain(`PLAINTEXT://127.0.0.1:${node?.port}`);
      // Same node ids and controller ports as the native quorum, with container names for hosts.
      const voters = properties["controller.quorum.voters"]
        ?.split(",")
        .map((voter) => voter.replace(/@[^:]+:/, "@"));
      expect(voters).toEqual(nodes.map((each) => `${each.id}@${each.controllerPort}`));
      expect(definition.healthcheck?.test.join(" ")).toContain(`localhost:${node?.port}`);
    });
  });

  it("publishes RabbitMQ and Redis on their standard ports with healthchecks", () => {
    expect(service("rabbitmq").ports).toContain("127.0.0.1:5672:5672");
    expect(service("redis").ports).toEqual(["127.0.0.1:6379:6379"]);
    expect(service("rabbitmq").healthcheck?.test).toBeDefined();
    expect(service("redis").healthcheck?.test).toBeDefined();
  });

  it("gives Kafka a valid KRaft cluster id (16 bytes, base64url)", () => {
    const id = service("kafka").environment?.CLUSTER_ID ?? "";
    expect(Buffer.from(id, "base64url")).toHaveLength(16);
  });
});
