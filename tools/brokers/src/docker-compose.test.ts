import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLUSTER_NODES, clusterNodesOfKind } from "./cluster/cluster-nodes.js";
import { BROKER_DEFINITIONS } from "./definitions/index.js";
import { CLUSTER_PROFILE, COMPOSE_FILE } from "./docker.js";
import { clusterSettings, kafkaNodes, parseProperties, serverProperties } from "./kafka/kafka-config.js";
import { rabbitMqClusterConf, rabbitMqClusterEnv } from "./native/rabbitmq-cluster.js";
import { redisNodeConfig, sentinelConfig } from "./native/redis-cluster.js";

interface Service {
  image: string;
  profiles?: string[];
  ports?: string[];
  network_mode?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  configs?: { source: string; target: string }[];
}

const compose = parse(readFileSync(COMPOSE_FILE, "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
};

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function configOf(name: string): string {
  const source = service(name).configs?.[0]?.source ?? "";
  const found = compose.configs[source];
  if (!found) throw new Error(`docker-compose.yml has no config for ${name}`);
  return found.content;
}

/** The apache/kafka image maps KAFKA_FOO_BAR to foo.bar. */
function brokerProperties(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment)
      .filter(([key]) => key.startsWith("KAFKA_") && key !== "KAFKA_HEAP_OPTS")
      .map(([key, value]) => [key.slice("KAFKA_".length).toLowerCase().replaceAll("_", "."), String(value)]),
  );
}

const primary = clusterNodesOfKind("redis")[0];

describe("docker-compose.yml matches the native launcher", () => {
  it("uses the versions and services of each broker definition", () => {
    for (const definition of BROKER_DEFINITIONS) {
      for (const name of [
        ...definition.compose.services,
        ...definition.cluster.nodes.map((node) => node.name),
      ]) {
        const major = definition.version.split(".").slice(0, 2).join(".");
        expect(service(name).image).toMatch(new RegExp(`:${major.replace(".", "\\.")}`));
      }
      for (const name of definition.compose.services) {
        expect(service(name).profiles).toEqual(
          definition.compose.profile ? [definition.compose.profile] : undefined,
        );
        expect(service(name).ports?.[0]).toContain(`:${definition.compose.port}:`);
      }
    }
    expect(service("kafka").image).toBe("apache/kafka:3.9.1");
  });

  it("runs every cluster node as a service of the cluster profile on the host network", () => {
    for (const node of CLUSTER_NODES) {
      expect(service(node.name).profiles).toEqual([CLUSTER_PROFILE]);
      expect(service(node.name).network_mode).toBe("host");
      expect(service(node.name).healthcheck?.test.join(" ")).toContain(
        node.kind === "rabbitmq" ? node.name : String(node.port),
      );
    }
  });

  it("runs the single Kafka node on 9092 with the native settings", () => {
    const properties = brokerProperties(service("kafka").environment ?? {});
    expect(properties).toMatchObject(clusterSettings(1));
    expect(service("kafka").ports).toEqual(["127.0.0.1:9092:9092"]);
    expect(properties.listeners).toContain("PLAINTEXT://:9092,CONTROLLER://:9093");
  });

  it.each(clusterNodesOfKind("kafka"))("runs $name with exactly the native server.properties", (node) => {
    const nodes = kafkaNodes(19_092, 3);
    const own = nodes[node.index - 1];
    if (!own) throw new Error(`no Kafka node ${node.index}`);
    const { "log.dirs": _nativeDir, ...native } = parseProperties(serverProperties(own, nodes, "/data"));
    const {
      "log.dirs": _dockerDir,
      "cluster.id": _id,
      ...docker
    } = brokerProperties(service(node.name).environment ?? {});
    expect(docker).toEqual(native);
    expect(native["default.replication.factor"]).toBe("3");
    expect(native["min.insync.replicas"]).toBe("2");
    expect(native["unclean.leader.election.enable"]).toBe("false");
    expect(own.port).toBe(node.port);
  });

  it.each(clusterNodesOfKind("rabbitmq"))(
    "runs $name with the native rabbitmq.conf and Erlang settings",
    (node) => {
      expect(configOf(node.name)).toBe(rabbitMqClusterConf(node));
      const environment = service(node.name).environment ?? {};
      const cookie =
        /-setcookie (\S+)/.exec(environment.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS ?? "")?.[1] ?? "";
      const native = rabbitMqClusterEnv(node, "/unused", cookie);
      for (const key of [
        "RABBITMQ_NODENAME",
        "RABBITMQ_NODE_IP_ADDRESS",
        "RABBITMQ_NODE_PORT",
        "RABBITMQ_DIST_PORT",
        "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
      ]) {
        expect(environment[key], key).toBe(native[key]);
      }
      expect(environment.RABBITMQ_CTL_ERL_ARGS).toBe(`-setcookie ${cookie}`);
    },
  );

  it.each([...clusterNodesOfKind("redis"), ...clusterNodesOfKind("sentinel")])(
    "runs $name with the native config",
    (node) => {
      if (!primary) throw new Error("no Redis primary");
      const expected =
        node.kind === "sentinel"
          ? sentinelConfig(node, "/data", primary)
          : redisNodeConfig(node, "/data", primary);
      expect(configOf(node.name)).toBe(expected);
    },
  );

  it("gives each Kafka deployment a valid KRaft cluster id (16 bytes, base64url)", () => {
    for (const name of ["kafka", "kafka-1"]) {
      const id = service(name).environment?.CLUSTER_ID ?? "";
      expect(Buffer.from(id, "base64url")).toHaveLength(16);
    }
  });
});
