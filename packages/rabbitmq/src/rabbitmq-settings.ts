import {
  brokerUrl,
  brokerUrlList,
  type ConnectionSource,
  type Deployment,
  deploymentOf,
} from "@brokerlab/messaging";

/** Where the RabbitMQ broker is: what every RabbitMQ target connects with. */
export interface RabbitMqSettings {
  /** amqp:// or amqps:// URL with credentials and vhost (on the cluster: its first node). */
  readonly url: string;
  /** Every node's URL; one on a single node. The client connects to the first that answers. */
  readonly urls: readonly string[];
  /** Which deployment the nodes are: decides the durability levels the client declares. Default single. */
  readonly deployment?: Deployment;
}

const DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672";
const SCHEMES = ["amqp:", "amqps:"];
/** The three nodes `pnpm brokers up --cluster` starts. */
const DEFAULT_CLUSTER_URLS = [5701, 5702, 5703].map((port) => `amqp://guest:guest@127.0.0.1:${port}`);

/**
 * BROKERLAB_RABBITMQ_URL (default amqp://guest:guest@127.0.0.1:5672), or with BROKERLAB_DEPLOYMENT=cluster
 * BROKERLAB_CLUSTER_RABBITMQ_URLS (comma-separated, default the cluster's three nodes).
 */
export function rabbitMqSettings(source: ConnectionSource): RabbitMqSettings {
  const deployment = deploymentOf(source);
  const urls =
    deployment === "cluster"
      ? brokerUrlList(
          "BROKERLAB_CLUSTER_RABBITMQ_URLS",
          source.env.BROKERLAB_CLUSTER_RABBITMQ_URLS,
          DEFAULT_CLUSTER_URLS,
          SCHEMES,
          DEFAULT_URL,
        )
      : [
          brokerUrl(
            "BROKERLAB_RABBITMQ_URL",
            source.env.BROKERLAB_RABBITMQ_URL,
            DEFAULT_URL,
            SCHEMES,
            DEFAULT_URL,
          ),
        ];
  return { url: urls[0] ?? DEFAULT_URL, urls, ...(deployment === "cluster" ? { deployment } : {}) };
}
