import { readFileSync } from "node:fs";
import { type KafkaSettings, kafkaSettings } from "@brokerlab/kafka";
import { type ConnectionSource, InvalidArgumentError } from "@brokerlab/messaging";
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

const BROKERS: readonly BrokerKind[] = ["kafka", "rabbitmq", "redis"];

/**
 * The single nodes from the BROKERLAB_* variables, as `pnpm scenario` and `pnpm bench` find them. Only the
 * `brokers` asked for have their variables read, so a bad Kafka variable never fails a Redis-only monitor.
 */
export function singleNodeClusters(
  env: Env = process.env,
  queues: readonly string[] = [],
  brokers: readonly string[] = BROKERS,
): ClusterConfig[] {
  const source = { env };
  const build: Record<BrokerKind, () => ClusterConfig> = {
    kafka: () => kafkaFromSettings("kafka", source),
    rabbitmq: () => ({ name: "rabbitmq", broker: "rabbitmq", url: rabbitMqSettings(source).url, queues }),
    redis: () => ({ name: "redis", broker: "redis", url: redisSettings(source).url }),
  };
  return BROKERS.filter((broker) => brokers.includes(broker)).map((broker) => build[broker]());
}

/** The Kafka cluster `name` at the addresses, TLS and SASL the Kafka targets read from `source`. */
function kafkaFromSettings(name: string, source: ConnectionSource): ClusterConfig {
  const kafka = kafkaSettings(source);
  return {
    name,
    broker: "kafka",
    brokers: kafka.brokers,
    ssl: kafka.ssl === true,
    ...(kafka.sasl ? { sasl: kafka.sasl } : {}),
  };
}

/**
 * The three-node cluster of `pnpm brokers up --cluster`, with the addresses the adapters use on the cluster
 * (BROKERLAB_CLUSTER_* variables, defaulting to the fixed port block), so the monitor watches what the targets
 * write to. The management API is the first node's unless BROKERLAB_CLUSTER_RABBITMQ_MANAGEMENT names one.
 */
export function threeNodeClusters(
  env: Env = process.env,
  queues: readonly string[] = [],
  brokers: readonly string[] = BROKERS,
): ClusterConfig[] {
  const source = { env: { ...env, BROKERLAB_DEPLOYMENT: "cluster" } };
  const build: Record<BrokerKind, () => ClusterConfig> = {
    kafka: () => kafkaFromSettings("kafka-cluster", source),
    rabbitmq: () => ({
      name: "rabbitmq-cluster",
      broker: "rabbitmq",
      url: rabbitMqSettings(source).url,
      management: env.BROKERLAB_CLUSTER_RABBITMQ_MANAGEMENT || "http://127.0.0.1:15701",
      queues,
    }),
    redis: () => {
      const redis = redisSettings(source);
      return {
        name: "redis-cluster",
        broker: "redis",
        url: redis.url,
        ...(redis.sentinels ? { sentinels: redis.sentinels } : {}),
        ...(redis.sentinelMaster ? { master: redis.sentinelMaster } : {}),
      };
    },
  };
  return BROKERS.filter((broker) => brokers.includes(broker)).map((broker) => build[broker]());
}

/** The `host:port` a cluster is first reached at (Kafka's first bootstrap address, a URL's host, a Sentinel). */
export function firstAddress(config: ClusterConfig): string {
  if (config.broker === "kafka") return config.brokers[0] ?? "";
  if (config.broker === "redis" && config.sentinels?.[0]) return config.sentinels[0];
  const url = new URL(config.url);
  const port = url.port || (config.broker === "redis" ? "6379" : url.protocol === "amqps:" ? "5671" : "5672");
  return `${url.hostname}:${port}`;
}

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
    const fields = entryFields(item, where, fail);
    if (broker === "kafka") return kafkaCluster(name as string, fields);
    if (broker === "rabbitmq") return rabbitMqCluster(name as string, fields);
    return redisCluster(name as string, fields);
  });
}

/** One `clusters[i]` entry's fields, read with the entry named in every complaint. */
interface EntryFields {
  readonly item: Record<string, unknown>;
  readonly where: string;
  readonly fail: (what: string) => never;
  /** A non-empty string; undefined when left out and not required. */
  text(key: string, required: boolean): string | undefined;
  /** A non-empty list of strings; undefined when left out and not required. */
  strings(key: string, required: boolean): string[] | undefined;
  /** The required `url`, which must start with one of the broker's schemes (`schemes`, as in the complaint). */
  url(pattern: RegExp, schemes: string): string;
}

function entryFields(
  item: Record<string, unknown>,
  where: string,
  fail: (what: string) => never,
): EntryFields {
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
  const url = (pattern: RegExp, schemes: string) => {
    const value = text("url", true) as string;
    if (!pattern.test(value)) fail(`${where}.url must start with ${schemes}`);
    return value;
  };
  return { item, where, fail, text, strings, url };
}

function kafkaCluster(name: string, fields: EntryFields): ClusterConfig {
  const { item, where, fail } = fields;
  const sasl = item.sasl as Record<string, unknown> | undefined;
  const mechanism = sasl?.mechanism ?? "plain";
  if (sasl && !["plain", "scram-sha-256", "scram-sha-512"].includes(String(mechanism))) {
    fail(`${where}.sasl.mechanism must be plain, scram-sha-256 or scram-sha-512`);
  }
  return {
    name,
    broker: "kafka",
    brokers: fields.strings("brokers", true) as string[],
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

function rabbitMqCluster(name: string, fields: EntryFields): ClusterConfig {
  const url = fields.url(/^amqps?:\/\//, "amqp:// or amqps://");
  const management = fields.text("management", false);
  const queues = fields.strings("queues", false);
  return {
    name,
    broker: "rabbitmq",
    url,
    ...(management ? { management } : {}),
    ...(queues ? { queues } : {}),
  };
}

function redisCluster(name: string, fields: EntryFields): ClusterConfig {
  const url = fields.url(/^rediss?:\/\//, "redis:// or rediss://");
  const sentinels = fields.strings("sentinels", false);
  const master = fields.text("master", false);
  const keyPrefix = fields.text("keyPrefix", false);
  return {
    name,
    broker: "redis",
    url,
    ...(sentinels ? { sentinels } : {}),
    ...(master ? { master } : {}),
    ...(keyPrefix ? { keyPrefix } : {}),
  };
}
