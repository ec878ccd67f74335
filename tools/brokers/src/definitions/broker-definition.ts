import type { BrokerName, ClusterNode } from "../cluster/cluster-nodes.js";
import type { ProbeResult } from "../probes.js";
import type { BrokerSettings, HostPort } from "../settings.js";

export type { BrokerName } from "../cluster/cluster-nodes.js";

/** Who runs a single-node broker as far as brokerlab knows, before asking the broker anything. */
export interface Ownership {
  readonly by?: "brokerlab native" | "docker";
  readonly pids: number[];
  readonly logFiles: string[];
}

export interface LaunchContext {
  readonly settings: BrokerSettings;
  readonly log: (line: string) => void;
  /** Bounded wait for readiness. */
  readonly waitMs: number;
}

/** Where a cluster node keeps its files. */
export interface NodeFiles {
  readonly dir: string;
  /** The pid of the node's main process (the one whose pid is reported). */
  readonly pidFile: string;
  readonly logFile: string;
}

/** What the cluster itself says about one of its nodes. */
export interface NodeRole {
  /** "active controller", "running member", "primary", "replica", "sentinel" … */
  readonly role: string;
  /** True when the node answered the question about its role. */
  readonly answered: boolean;
  readonly details?: Readonly<Record<string, string | number>>;
}

/** Who leads a partition, queue or the Redis primary, and who follows. */
export interface LeaderInfo {
  readonly leader: string;
  /** Kafka: the partition's replicas; RabbitMQ: the queue's members; Redis: primary and replicas. */
  readonly members: readonly string[];
  /** Kafka: the ISR; RabbitMQ: members online; Redis: replicas connected and streaming. */
  readonly inSync: readonly string[];
}

/** A broker's three-node deployment: how to start, stop and ask it, node by node. */
export interface ClusterDefinition {
  /** Broker nodes and, for Redis, the Sentinels. */
  readonly nodes: readonly ClusterNode[];
  nodeFiles(node: ClusterNode, settings: BrokerSettings): NodeFiles;
  /** Starts the nodes that do not run (idempotent) natively and waits until each serves. */
  launch(context: LaunchContext): Promise<void>;
  /** Waits (bounded) until a replicated write is acknowledged by all three nodes; one line says so. */
  ready(context: LaunchContext): Promise<string>;
  /** Starts one stopped node with its data and waits until it serves again. */
  startNode(node: ClusterNode, context: LaunchContext): Promise<void>;
  /** Stops one node gracefully (the broker's own shutdown), SIGKILL after a grace period. */
  stopNode(node: ClusterNode, context: LaunchContext): Promise<void>;
  /** Each reachable node's role, keyed by node name; nodes that do not answer are left out. */
  roles(context: LaunchContext): Promise<Map<string, NodeRole>>;
  /**
   * The node that leads `what` (Kafka: topic and partition; RabbitMQ: a queue; Redis: nothing, the
   * primary). Throws a BrokersError naming what is missing.
   */
  leader(what: readonly string[], context: LaunchContext): Promise<LeaderInfo>;
  /** Usage of `leader` for this broker, e.g. "kafka <topic> [partition]". */
  readonly leaderUsage: string;
  /** One node leads every destination (Redis' primary): `leader` then takes no argument. */
  readonly leadsEveryDestination?: boolean;
  /** Folders holding the cluster's data (`down --cluster --purge` deletes them). */
  dataDirs(settings: BrokerSettings): string[];
}

/**
 * Everything brokerlab knows about one broker. Adding a broker is one definition file in this folder
 * and one line in definitions/index.ts.
 */
export interface BrokerDefinition {
  readonly name: BrokerName;
  readonly label: string;
  /** The version brokerlab starts (natively and in docker-compose.yml). */
  readonly version: string;
  /** The environment variable that sets the single node's address. */
  readonly addressVariable: string;
  /** Default probe timeout. */
  readonly probeTimeoutMs: number;
  /** Single node: the address clients use (host and port of the first address). */
  address(settings: BrokerSettings): HostPort;
  /** Single node: the address as shown (Kafka: every bootstrap address). */
  display(settings: BrokerSettings): string;
  /** One real round trip with the broker's own client. */
  probe(settings: BrokerSettings, timeoutMs?: number): Promise<ProbeResult>;
  /** The running broker's version when the probe cannot tell (Kafka's protocol carries none). */
  versionOf(settings: BrokerSettings, owner: Ownership, probed: ProbeResult): string | undefined;
  ownership(settings: BrokerSettings): Promise<Ownership>;
  /** Starts the single node natively; `up` then waits for its round trip. */
  startNative(address: HostPort, context: LaunchContext): Promise<void>;
  /** False once a process `startNative` started has died (stops the wait early). */
  stillStarting(settings: BrokerSettings): Promise<boolean>;
  stopNative(settings: BrokerSettings): Promise<void>;
  /** The single node's services and profile in docker-compose.yml. */
  readonly compose: {
    readonly services: readonly string[];
    readonly profile?: string;
    readonly port: number;
  };
  readonly cluster: ClusterDefinition;
}
