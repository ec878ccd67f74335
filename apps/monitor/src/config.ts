import { readFileSync } from "node:fs";
import { type KafkaSettings, kafkaSettings } from "@brokerlab/kafka";
import { InvalidArgumentError } from "@brokerlab/messaging";
import { rabbitMqSettings } from "@brokerlab/rabbitmq";
import { redisSettings } from "@brokerlab/redis";
import { parse } from "yaml";
import type { BrokerKind } from "./model.js";

/** One named cluster to watch. Credentials live here and nowhere else: never printed or served. */
export type ClusterConfig =
  | {
      readonly name: string;
      readonly broker: "kafka";
      readonly brokers: readonly string[];
      readonly ssl?: boolean;
      readonly sasl?: NonNullable<KafkaSettings["sasl"]>;
    }
  | {
      readonly name: string;
      readonly broker: "rabbitmq";
      readonly url: string;
      readonly management?: string;
      readonly queues?: readonly string[];
    }
  | {
      readonly name: string;
      readonly broker: "redis";
      readonly url: string;
      /** Sentinel `host:port` list; the primary is asked of them by `master` name. */
      readonly sentinels?: readonly string[];
      readonly master?: string;
      readonly keyPrefix?: string;
    };

type Env = Readonly<Record<string, string | undefined>>;

/** The single nodes from the BROKERLAB_* variables, as `pnpm scenario` and `pnpm bench` find them. */
export function singleNodeClusters(env: Env = process.env, queues: readonly string[] = []): ClusterConfig[] {
  const source = { env };
  const kafka = kafkaSettings(source);
  return [
    {
      name: "kafka",
      broker: "kafka",
      brokers: kafka.brokers,
      ssl: kafka.ssl === true,
      ...(kafka.sasl ? { sasl: kafka.sasl } : {}),
    },
    { name: "rabbitmq", broker: "rabbitmq", url: rabbitMqSettings(source).url, queues },
    { name: "redis", broker: "redis", url: redisSettings(source).url },
  ];
}

/**
 * The three-node cluster of `pnpm brokers up --cluster`, with the addresses the adapters use on the cluster
 * (BROKERLAB_CLUSTER_* variables, defaulting to the fixed port block), so the monitor watches what the targets
 * write to. The management API is the first node's unless BROKERLAB_CLUSTER_RABBITMQ_MANAGEMENT names one.
 */
export function threeNodeClusters(env: Env = process.env, queues: readonly string[] = []): ClusterConfig[] {
  const source = { env: { ...env, BROKERLAB_DEPLOYMENT: "cluster" } };
  const kafka = kafkaSettings(source);
  const redis = redisSettings(source);
  return [
    {
      name: "kafka-cluster",
      broker: "kafka",
      brokers: kafka.brokers,
      ssl: kafka.ssl === true,
      ...(kafka.sasl ? { sasl: kafka.sasl } : {}),
    },
    {
      name: "rabbitmq-cluster",
      broker: "rabbitmq",
      url: rabbitMqSettings(source).url,
      management: env.BROKERLAB_CLUSTER_RABBITMQ_MANAGEMENT || "http://127.0.0.1:15701",
      queues,
    },
    {
      name: "redis-cluster",
      broker: "redis",
      url: redis.url,
      ...(redis.sentinels ? { sentinels: redis.sentinels } : {}),
      ...(redis.sentinelMaster ? { master: redis.sentinelMaster } : {}),
    },
  ];
}

const BROKERS: readonly BrokerKind[] = ["kafka", "rabbitmq", "redis"];

/**
 * A `--config` YAML file:
 *
 *     clusters:
 *       - { name: east, broker: kafka, brokers: ["10.0.0.1:9092"], sasl: { mechanism: plain, username: u, password: p } }
 *       - { name: queues, broker: rabbitmq, url: "amqp://u:p@mq:5672", management: "http://mq:15672" }
 *       - { name: cache, broker: redis, url: "redis://cache:6379" }
 */
export function loadConfigFile(file: string): ClusterConfig[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InvalidArgumentError(`--config ${file}: cannot read the file`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InvalidArgumentError(`--config ${file}: not valid YAML (${reason})`);
  }
  return parseConfig(document, file);
}

export function parseConfig(document: unknown, file: string): ClusterConfig[] {
  const fail = (what: string): never => {
    throw new InvalidArgumentError(`--config ${file}: ${what}`);
  };
  const clusters = (document as { clusters?: unknown } | null)?.clusters;
  if (!Array.isArray(clusters) || clusters.length === 0)
    fail('expected "clusters:", a list of named clusters');
  const names = new Set<string>();
  return (clusters as unknown[]).map((entry, index) => {
    const item = (entry ?? {}) as Record<string, unknown>;
    const where = `clusters[${index}]`;
    const name = item.name;
    if (typeof name !== "string" || !/^[A-Za-z0-9._-]+$/.test(name))
      fail(`${where}.name must be letters, digits, ".", "_" or "-"`);
    if (names.has(name as string)) fail(`cluster name "${name}" appears twice`);
    names.add(name as string);
    const broker = item.broker as BrokerKind;
    if (!BROKERS.includes(broker)) fail(`${where}.broker must be one of ${BROKERS.join(", ")}`);
    const text = (key: string, required: boolean) => {
      const value = item[key];
      if (value === undefined && !required) return undefined;
      if (typeof value !== "string" || value === "") fail(`${where}.${key} must be a string`);
      return value as string;
    };
    const strings = (key: string, required: boolean) => {
      const value = item[key];
      if (value === undefined && !required) return undefined;
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string")) {
        fail(`${where}.${key} must be a list of strings`);
      }
      return value as string[];
    };
    if (broker === "kafka") {
      const sasl = item.sasl as Record<string, unknown> | undefined;
      const mechanism = sasl?.mechanism ?? "plain";
      if (sasl && !["plain", "scram-sha-256", "scram-sha-512"].includes(String(mechanism))) {
        fail(`${where}.sasl.mechanism must be plain, scram-sha-256 or scram-sha-512`);
      }
      return {
        name: name as string,
        broker,
        brokers: strings("brokers", true) as string[],
        ssl: item.ssl === true,
        ...(sasl
          ? {
              sasl: {
                mechanism: mechanism as "plain" | "scram-sha-256" | "scram-sha-512",
                username: String(sasl.username ?? ""),
                password: String(sasl.password ?? ""),
              },
            }
          : {}),
      };
    }
    if (broker === "rabbitmq") {
      const url = text("url", true) as string;
      if (!/^amqps?:\/\//.test(url)) fail(`${where}.url must start with amqp:// or amqps://`);
      const management = text("management", false);
      const queues = strings("queues", false);
      return {
        name: name as string,
        broker,
        url,
        ...(management ? { management } : {}),
        ...(queues ? { queues } : {}),
      };
    }
    const url = text("url", true) as string;
    if (!/^rediss?:\/\//.test(url)) fail(`${where}.url must start with redis:// or rediss://`);
    const sentinels = strings("sentinels", false);
    const master = text("master", false);
    const keyPrefix = text("keyPrefix", false);
    return {
      name: name as string,
      broker,
      url,
      ...(sentinels ? { sentinels } : {}),
      ...(master ? { master } : {}),
      ...(keyPrefix ? { keyPrefix } : {}),
    };
  });
}
