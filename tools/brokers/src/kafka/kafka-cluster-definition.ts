import { join } from "node:path";
import { type Admin, Kafka, logLevel } from "kafkajs";
import { type ClusterNode, clusterNodesOf } from "../cluster/cluster-nodes.js";
import type { ClusterDefinition, LaunchContext, NodeRole } from "../definitions/broker-definition.js";
import { BrokersError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import { createTopicAndWait, reason, withDeadline } from "../probes.js";
import { readPid, removeFile, run, stopProcess } from "../processes.js";
import type { BrokerSettings } from "../settings.js";
import { nodeDir, runningNodes, startKafkaCluster } from "./kafka-cluster.js";
import { kafkaClasspath } from "./kafka-jars.js";

const NODES = clusterNodesOf("kafka");
/** The topic `up --cluster` writes to with acks=all and checks the ISR of. */
export const CLUSTER_HEALTH_TOPIC = "brokerlab-cluster-health";
/** Each cluster node's heap: three of them share a 2-core machine with the single-node brokers. */
const CLUSTER_HEAP = "384m";
const JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:CICompilerCount=2", "-XX:ActiveProcessorCount=1"];

export function kafkaClusterDir(settings: BrokerSettings): string {
  return join(settings.clusterDir, "kafka");
}

const nodeId = (node: ClusterNode) => node.index;
const nodeName = (id: number) => `kafka-${id}`;
const bootstrap = () => NODES.map((node) => `${node.host}:${node.port}`);

/**
 * Starts the nodes of the three-node KRaft cluster that do not run (all, or only `only`); resolves once
 * every running node has registered as a broker.
 */
async function startNodes(context: LaunchContext, only?: readonly number[]): Promise<void> {
  const first = NODES[0];
  if (!first) return;
  await startKafkaCluster({
    dir: kafkaClusterDir(context.settings),
    brokers: NODES.length,
    basePort: first.port,
    host: first.host,
    heap: CLUSTER_HEAP,
    cacheDir: context.settings.cacheDir,
    waitMs: context.waitMs,
    log: (line) => context.log(line.replace(/^Kafka: /, brokersText().progress.kafkaCluster)),
    cgroupOf: (id) => nodeName(id),
    jvmOptions: JVM_OPTIONS,
    ...(only ? { only } : {}),
  });
}

export function kafkaAdmin(brokers: readonly string[] = bootstrap()): Kafka {
  return new Kafka({
    clientId: "brokerlab-cluster",
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { retries: 3, initialRetryTime: 200 },
  });
}

async function withAdmin<T>(work: (admin: Admin) => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const admin = kafkaAdmin().admin();
  try {
    return await withDeadline(
      (async () => {
        await admin.connect();
        return work(admin);
      })(),
      timeoutMs,
      brokersText().failures.kafkaClusterRequest,
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface PartitionState {
  readonly leader: string;
  readonly replicas: string[];
  readonly inSync: string[];
}

/** Leader, replicas and ISR of one partition, as node names. */
export async function kafkaPartitionState(topic: string, partition = 0): Promise<PartitionState> {
  return withAdmin(async (admin) => {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch((error: unknown) => {
      throw new BrokersError(brokersText().cluster.kafkaNoTopic(topic, reason(error)));
    });
    const found = metadata.topics[0]?.partitions.find((each) => each.partitionId === partition);
    if (!found) throw new BrokersError(brokersText().cluster.kafkaNoPartition(topic, partition));
    if (found.leader < 0) throw new BrokersError(brokersText().cluster.kafkaNoLeader(topic, partition));
    return {
      leader: nodeName(found.leader),
      replicas: found.replicas.map(nodeName),
      inSync: found.isr.map(nodeName),
    };
  });
}

/** A replicated write (acks=all on an RF 3 topic) and every replica back in sync: all three nodes ack. */
async function waitForReplicatedWrite(context: LaunchContext): Promise<void> {
  const deadline = Date.now() + context.waitMs;
  let last = "";
  for (;;) {
    try {
      await withAdmin(async (admin) => {
        if (!(await admin.listTopics()).includes(CLUSTER_HEALTH_TOPIC)) {
          await createTopicAndWait(admin, {
            topic: CLUSTER_HEALTH_TOPIC,
            numPartitions: 1,
            replicationFactor: 3,
            configEntries: [{ name: "retention.ms", value: "3600000" }],
          });
        }
      });
      const producer = kafkaAdmin().producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        await producer.send({ topic: CLUSTER_HEALTH_TOPIC, acks: -1, messages: [{ value: "up" }] });
      } finally {
        await producer.disconnect();
      }
      const state = await kafkaPartitionState(CLUSTER_HEALTH_TOPIC);
      if (state.inSync.length === NODES.length) return;
      last = brokersText().failures.inSync(state.inSync.join(", "));
    } catch (error) {
      last = reason(error);
    }
    if (Date.now() > deadline) {
      throw new BrokersError(
        brokersText().failures.kafkaClusterNoWrite(
          context.waitMs / 1000,
          last,
          join(nodeDir(kafkaClusterDir(context.settings), 1), "kafka.log"),
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * The active controller, from Kafka's own metadata-quorum tool: in KRaft the metadata a client sees
 * names a random broker as "controller", so only the Raft quorum's description tells.
 */
async function activeController(settings: BrokerSettings): Promise<string | undefined> {
  const classpath = await kafkaClasspath({ cacheDir: settings.cacheDir });
  const output = await run(
    "java",
    [
      "-Xmx64m",
      "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC",
      "-Dlog4j.configuration=file:/dev/null",
      "-cp",
      classpath,
      "org.apache.kafka.tools.MetadataQuorumCommand",
      "--bootstrap-server",
      bootstrap().join(","),
      "describe",
      "--status",
    ],
    { timeoutMs: 30_000 },
  );
  const id = /^LeaderId:\s+(\d+)/m.exec(output)?.[1];
  return id ? nodeName(Number(id)) : undefined;
}

export const KAFKA_CLUSTER: ClusterDefinition = {
  nodes: NODES,
  nodeFiles(node, settings) {
    const home = nodeDir(kafkaClusterDir(settings), nodeId(node));
    return { dir: home, pidFile: join(home, "kafka.pid"), logFile: join(home, "kafka.log") };
  },
  launch: (context) => startNodes(context),
  async ready(context) {
    await waitForReplicatedWrite(context);
    return brokersText().ready.kafka;
  },
  async startNode(node, context) {
    await startNodes(context, [nodeId(node)]);
  },
  async stopNode(node, context) {
    const files = KAFKA_CLUSTER.nodeFiles(node, context.settings);
    const pid = readPid(files.pidFile);
    // The last node has no quorum left to confirm its controlled shutdown and would wait for ever.
    const alive = await runningNodes(kafkaClusterDir(context.settings));
    if (pid) await stopProcess(pid, alive.length <= 1 ? 3000 : 20_000);
    removeFile(files.pidFile);
  },
  async roles(context) {
    const roles = new Map<string, NodeRole>();
    const registered = await withAdmin(
      async (admin) => (await admin.describeCluster()).brokers,
      15_000,
    ).catch(() => []);
    const controller = await activeController(context.settings).catch(() => undefined);
    for (const broker of registered) {
      const name = nodeName(broker.nodeId);
      roles.set(name, {
        role: name === controller ? "active controller" : "broker",
        answered: true,
      });
    }
    return roles;
  },
  leaderUsage: "kafka <topic> [partition]",
  async leader(what) {
    const [topic, partition = "0"] = what;
    if (!topic) throw new BrokersError(brokersText().cluster.kafkaNeedsTopic);
    const number = Number(partition);
    if (!Number.isInteger(number) || number < 0)
      throw new BrokersError(brokersText().cluster.kafkaPartitionNumber(partition));
    const state = await kafkaPartitionState(topic, number);
    return { leader: state.leader, members: state.replicas, inSync: state.inSync };
  },
  dataDirs: (settings) => [kafkaClusterDir(settings)],
};
