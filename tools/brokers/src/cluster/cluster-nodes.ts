import { UsageError } from "../errors.js";
import { brokersText } from "../i18n/index.js";

export type BrokerName = "kafka" | "rabbitmq" | "redis";

/** What a cluster node is: a broker node, or (Redis only) a Sentinel watching the Redis nodes. */
export type NodeKind = "kafka" | "rabbitmq" | "redis" | "sentinel";

/** One node of the three-node cluster, with the fixed ports every helper and the README rely on. */
export interface ClusterNode {
  /** kafka-1, rabbitmq-2, redis-3, sentinel-1 … */
  readonly name: string;
  readonly broker: BrokerName;
  readonly kind: NodeKind;
  /** 1, 2 or 3. */
  readonly index: number;
  readonly host: string;
  /** The port clients use. */
  readonly port: number;
  /** Every port this node listens on; peers reach it on `peerPorts`. */
  readonly ports: Readonly<Record<string, number>>;
  /** The ports its peers (not clients) connect to: what `isolate` cuts. */
  readonly peerPorts: readonly number[];
}

export const CLUSTER_HOST = "127.0.0.1";
/** The Sentinel master name of the cluster's Redis. */
export const SENTINEL_MASTER = "brokerlab";
const INDEXES = [1, 2, 3] as const;

function kafkaNode(index: number): ClusterNode {
  const port = 19_090 + 2 * index;
  return {
    name: `kafka-${index}`,
    broker: "kafka",
    kind: "kafka",
    index,
    host: CLUSTER_HOST,
    port,
    ports: { client: port, controller: port + 1 },
    // Replication runs over the client listener; the Raft quorum over the controller one.
    peerPorts: [port, port + 1],
  };
}

function rabbitMqNode(index: number): ClusterNode {
  return {
    name: `rabbitmq-${index}`,
    broker: "rabbitmq",
    kind: "rabbitmq",
    index,
    host: CLUSTER_HOST,
    port: 5700 + index,
    ports: { amqp: 5700 + index, management: 15_700 + index, distribution: 25_700 + index },
    peerPorts: [25_700 + index],
  };
}

function redisNode(index: number): ClusterNode {
  const port = 6390 + index;
  return {
    name: `redis-${index}`,
    broker: "redis",
    kind: "redis",
    index,
    host: CLUSTER_HOST,
    port,
    ports: { client: port },
    peerPorts: [port],
  };
}

function sentinelNode(index: number): ClusterNode {
  const port = 26_390 + index;
  return {
    name: `sentinel-${index}`,
    broker: "redis",
    kind: "sentinel",
    index,
    host: CLUSTER_HOST,
    port,
    ports: { sentinel: port },
    peerPorts: [port],
  };
}

/** Every node of the cluster, per broker in start order. */
export const CLUSTER_NODES: readonly ClusterNode[] = [
  ...INDEXES.map(kafkaNode),
  ...INDEXES.map(rabbitMqNode),
  ...INDEXES.map(redisNode),
  ...INDEXES.map(sentinelNode),
];

export function clusterNodesOf(broker: BrokerName): ClusterNode[] {
  return CLUSTER_NODES.filter((node) => node.broker === broker);
}

export function clusterNodesOfKind(kind: NodeKind): ClusterNode[] {
  return CLUSTER_NODES.filter((node) => node.kind === kind);
}

/** The node named `name`; an unknown name is a usage error that lists the known ones. */
export function clusterNode(name: string): ClusterNode {
  const node = CLUSTER_NODES.find((candidate) => candidate.name === name);
  if (!node) {
    throw new UsageError(
      brokersText().errors.unknownNode(name, CLUSTER_NODES.map((candidate) => candidate.name).join(", ")),
    );
  }
  return node;
}

/**
 * The nodes `node` talks to as a peer: the other nodes of its broker, and for Redis also the other kind
 * (Sentinels watch the Redis nodes and the Redis nodes answer them).
 */
export function peersOf(node: ClusterNode): ClusterNode[] {
  return CLUSTER_NODES.filter((other) => other.broker === node.broker && other.name !== node.name);
}

export const address = (node: ClusterNode) => `${node.host}:${node.port}`;

/** The addresses a client uses for the cluster (also the defaults of BROKERLAB_CLUSTER_*). */
export interface ClusterEndpoints {
  readonly kafkaBrokers: string[];
  readonly rabbitmqUrls: string[];
  readonly redisSentinels: string[];
  readonly redisMaster: string;
}

export function clusterEndpoints(): ClusterEndpoints {
  return {
    kafkaBrokers: clusterNodesOfKind("kafka").map(address),
    rabbitmqUrls: clusterNodesOfKind("rabbitmq").map((node) => `amqp://guest:guest@${address(node)}`),
    redisSentinels: clusterNodesOfKind("sentinel").map(address),
    redisMaster: SENTINEL_MASTER,
  };
}
