import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { kafkaSettings } from "@brokerlab/kafka";
import { type ConnectionSource, InvalidArgumentError } from "@brokerlab/messaging";
import { rabbitMqSettings } from "@brokerlab/rabbitmq";
import { redisSettings } from "@brokerlab/redis";
import { BrokersError } from "./errors.js";
import { brokersText } from "./i18n/index.js";
import type { KafkaSecurity } from "./probes.js";

export const KAFKA_VERSION = "3.9.1";
export const RABBITMQ_VERSION = "3.10";
export const REDIS_VERSION = "7.0";

export type Runtime = "auto" | "native" | "docker";

/** Everything the launcher reads from the environment. The README documents each variable. */
export interface BrokerSettings {
  /** Kafka bootstrap addresses (BROKERLAB_KAFKA_BROKERS); the first one's port is the native base port. */
  readonly kafkaBrokers: string[];
  readonly rabbitmqUrl: string;
  readonly redisUrl: string;
  /** Data, logs, pid files and generated configs of the single nodes (BROKERLAB_STATE_DIR). */
  readonly stateDir: string;
  /**
   * The same for the three-node cluster (BROKERLAB_CLUSTER_DIR). One per machine, not per clone: its
   * ports are fixed, so every clone must find the one cluster that runs.
   */
  readonly clusterDir: string;
  /** Downloaded Kafka jars, shared across clones (BROKERLAB_CACHE). */
  readonly cacheDir: string;
  /** JVM max heap of each native Kafka broker (BROKERLAB_KAFKA_HEAP). */
  readonly kafkaHeap: string;
  readonly runtime: Runtime;
  /** TLS and SASL for an external Kafka (same variables as @brokerlab/targets). */
  readonly kafkaSecurity: KafkaSecurity;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The repository root, found from this file's place (tools/brokers/src). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export function defaultCacheDir(env: Env = process.env): string {
  if (env.BROKERLAB_CACHE) return resolve(env.BROKERLAB_CACHE);
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(base, "brokerlab");
}

export function defaultClusterDir(env: Env = process.env): string {
  if (env.BROKERLAB_CLUSTER_DIR) return resolve(env.BROKERLAB_CLUSTER_DIR);
  const base = env.XDG_STATE_HOME || join(env.HOME || homedir(), ".local", "state");
  return join(base, "brokerlab", "cluster");
}

/**
 * The brokers' addresses and Kafka's security come from the adapters' own settings functions (one parser of
 * BROKERLAB_KAFKA_*, BROKERLAB_RABBITMQ_URL and BROKERLAB_REDIS_URL for every command), read for the single
 * nodes whatever BROKERLAB_DEPLOYMENT says (the cluster's nodes are fixed, see cluster-nodes.ts). Only what
 * the launcher alone needs (runtime, folders, heap) is read here. A bad value is a one-line BrokersError.
 */
export function settingsFromEnv(env: Env = process.env): BrokerSettings {
  const source = { env: { ...env, BROKERLAB_DEPLOYMENT: "single" } };
  const { kafka, rabbitmq, redis } = adapterSettings(source);
  // The first address's port is the native base port: each must be host:port.
  for (const address of kafka.brokers) parseHostPort(address, "BROKERLAB_KAFKA_BROKERS");
  const runtime = env.BROKERLAB_RUNTIME || "auto";
  if (runtime !== "auto" && runtime !== "native" && runtime !== "docker") {
    throw new BrokersError(brokersText().failures.runtime(runtime));
  }
  const kafkaHeap = env.BROKERLAB_KAFKA_HEAP || "512m";
  if (!/^\d+[mMgG]$/.test(kafkaHeap)) {
    throw new BrokersError(brokersText().failures.kafkaHeap(kafkaHeap));
  }
  return {
    kafkaBrokers: [...kafka.brokers],
    rabbitmqUrl: rabbitmq.url,
    redisUrl: redis.url,
    stateDir: resolve(env.BROKERLAB_STATE_DIR || join(REPO_ROOT, ".brokerlab")),
    clusterDir: defaultClusterDir(env),
    cacheDir: defaultCacheDir(env),
    kafkaHeap,
    runtime,
    kafkaSecurity: { ...(kafka.ssl ? { ssl: true } : {}), ...(kafka.sasl ? { sasl: kafka.sasl } : {}) },
  };
}

/** The three adapters' settings; their usage errors become the launcher's one-line errors. */
function adapterSettings(source: ConnectionSource) {
  try {
    return { kafka: kafkaSettings(source), rabbitmq: rabbitMqSettings(source), redis: redisSettings(source) };
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new BrokersError(error.message);
    throw error;
  }
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** `host:port` → parts; `what` names the setting in the error. */
export function parseHostPort(address: string, what: string): HostPort {
  const match = /^(.+):(\d{1,5})$/.exec(address);
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port > 0 && port < 65536)) {
    throw new BrokersError(brokersText().failures.notHostPort(what, address));
  }
  return { host: match[1].replace(/^\[(.*)\]$/, "$1"), port };
}

/** Host and port of a redis:// or amqp:// URL, with the scheme's default port. */
export function urlHostPort(url: string, what: string): HostPort {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BrokersError(brokersText().failures.notUrl(what, url));
  }
  const defaults: Record<string, number> = { "redis:": 6379, "rediss:": 6379, "amqp:": 5672, "amqps:": 5671 };
  const fallback = defaults[parsed.protocol];
  if (fallback === undefined) throw new BrokersError(brokersText().failures.unsupportedScheme(what, url));
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
    port: Number(parsed.port) || fallback,
  };
}

/** Only brokers on this machine can be started; anything else must already run. */
export function isLocalHost(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || host === "0.0.0.0";
}
