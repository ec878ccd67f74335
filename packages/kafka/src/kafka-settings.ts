import {
  booleanSetting,
  type ConnectionSource,
  choiceSetting,
  deploymentOf,
  hostPortList,
} from "@brokerlab/messaging";
import type { KafkaClientOptions } from "./options.js";
import type { KafkaProducerOptions } from "./producer-options.js";

/**
 * What every Kafka target (any client) connects with: where the brokers are (from the environment) and the
 * producer options (unkeyed partitioning, idempotence), which are set in code, not the environment.
 */
export type KafkaSettings = Pick<
  KafkaClientOptions,
  "brokers" | "ssl" | "sasl" | "defaultReplicationFactor" | "deployment"
> &
  KafkaProducerOptions;

const DEFAULT_BROKERS = ["127.0.0.1:9092"];
/** The three nodes `pnpm brokers up --cluster` starts. */
const DEFAULT_CLUSTER_BROKERS = ["127.0.0.1:19092", "127.0.0.1:19094", "127.0.0.1:19096"];
const SASL_MECHANISMS = ["plain", "scram-sha-256", "scram-sha-512"] as const;

/**
 * BROKERLAB_KAFKA_BROKERS (comma-separated, default 127.0.0.1:9092), or with BROKERLAB_DEPLOYMENT=cluster
 * BROKERLAB_CLUSTER_KAFKA_BROKERS (default the cluster's three nodes); BROKERLAB_KAFKA_SSL=true,
 * BROKERLAB_KAFKA_SASL_USERNAME / _PASSWORD / _MECHANISM (plain, scram-sha-256, scram-sha-512).
 */
export function kafkaSettings(source: ConnectionSource): KafkaSettings {
  const { env } = source;
  const cluster = deploymentOf(source) === "cluster";
  const brokers = cluster
    ? hostPortList(
        "BROKERLAB_CLUSTER_KAFKA_BROKERS",
        env.BROKERLAB_CLUSTER_KAFKA_BROKERS,
        DEFAULT_CLUSTER_BROKERS,
      )
    : hostPortList("BROKERLAB_KAFKA_BROKERS", env.BROKERLAB_KAFKA_BROKERS, DEFAULT_BROKERS);
  const mechanism = choiceSetting(
    "BROKERLAB_KAFKA_SASL_MECHANISM",
    env.BROKERLAB_KAFKA_SASL_MECHANISM,
    SASL_MECHANISMS,
    "plain",
  );
  const ssl = booleanSetting("BROKERLAB_KAFKA_SSL", env.BROKERLAB_KAFKA_SSL, false);
  const username = env.BROKERLAB_KAFKA_SASL_USERNAME;
  return {
    brokers,
    // On the cluster a topic gets a leader and two followers; min.insync.replicas 2 follows from RF 3.
    ...(cluster ? { defaultReplicationFactor: 3, deployment: "cluster" as const } : {}),
    ssl,
    ...(username ? { sasl: { mechanism, username, password: env.BROKERLAB_KAFKA_SASL_PASSWORD ?? "" } } : {}),
    ...(source.producer?.unkeyedPartitioning
      ? { unkeyedPartitioning: source.producer.unkeyedPartitioning }
      : {}),
    ...(source.producer?.keyedPartitioning ? { keyedPartitioning: source.producer.keyedPartitioning } : {}),
  };
}
