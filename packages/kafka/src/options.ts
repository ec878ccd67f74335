import type { ConnectionOptions } from "node:tls";
import type { Deployment, HandlerErrorReporter } from "@brokerlab/messaging";
import kafkajs, { type KafkaConfig, type LogEntry, type logCreator, type SASLOptions } from "kafkajs";
import type { KafkaProducerOptions } from "./producer-options.js";

/** Connection and producer options; the producer options are shared with the librdkafka target. */
export interface KafkaClientOptions extends KafkaProducerOptions {
  /** Bootstrap brokers, `host:port`. */
  readonly brokers: readonly string[];
  /** Default `brokerlab`. */
  readonly clientId?: string;
  /** `true` for TLS with the system CAs, or Node TLS options (ca, cert, key, servername, ...). */
  readonly ssl?: boolean | ConnectionOptions;
  readonly sasl?: {
    readonly mechanism: "plain" | "scram-sha-256" | "scram-sha-512";
    readonly username: string;
    readonly password: string;
  };
  /** Per-connection TCP/TLS connect timeout. Default 3000. */
  readonly connectionTimeoutMs?: number;
  /** Called when a subscription's handler throws. Default: one line on stderr. */
  readonly onHandlerError?: HandlerErrorReporter;
  /** Print kafkajs' own error lines to stderr (silent by default). */
  readonly logErrors?: boolean;
  /**
   * Replication factor of topics created without one. Default 1 (a single broker); the cluster's
   * settings give 3, so a topic there has a leader and two followers (min.insync.replicas 2).
   */
  readonly defaultReplicationFactor?: number;
  /** Which deployment the brokers are: decides the durability levels the client declares. Default single. */
  readonly deployment?: Deployment;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 3000;

/** The kafkajs configuration for these options: short retries so an unreachable broker fails in seconds. */
export function kafkaConfig(options: KafkaClientOptions): KafkaConfig {
  return {
    brokers: [...options.brokers],
    clientId: options.clientId ?? "brokerlab",
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    requestTimeout: 30_000,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    ...(options.ssl === undefined ? {} : { ssl: options.ssl }),
    ...(options.sasl ? { sasl: saslOptions(options.sasl) } : {}),
    logLevel: options.logErrors ? kafkajs.logLevel.ERROR : kafkajs.logLevel.NOTHING,
    logCreator: errorLineLogger,
  };
}

/** kafkajs types SASL options per mechanism; spelling each case out keeps that without a cast. */
function saslOptions(sasl: NonNullable<KafkaClientOptions["sasl"]>): SASLOptions {
  const { username, password } = sasl;
  switch (sasl.mechanism) {
    case "plain":
      return { mechanism: "plain", username, password };
    case "scram-sha-256":
      return { mechanism: "scram-sha-256", username, password };
    case "scram-sha-512":
      return { mechanism: "scram-sha-512", username, password };
  }
}

/** kafkajs logs JSON objects to the console by default; this prints one line per entry instead. */
const errorLineLogger: logCreator = () => (entry: LogEntry) => {
  const error = typeof entry.log.error === "string" ? `: ${entry.log.error}` : "";
  console.error(`[kafkajs ${entry.namespace}] ${entry.log.message}${error}`);
};

/** A printable address: the bootstrap list, never credentials. */
export function addressOf(options: KafkaClientOptions): string {
  return options.brokers.join(",");
}
