export { type ParsedArgs, parseArgs } from "./args.js";
export {
  type ClusterOptions,
  clusterLeader,
  destinationLeader,
  downCluster,
  ensureCluster,
  upCluster,
} from "./cluster/cluster.js";
export {
  CLUSTER_NODES,
  type ClusterEndpoints,
  type ClusterNode,
  clusterEndpoints,
  clusterNode,
  clusterNodesOf,
  SENTINEL_MASTER,
} from "./cluster/cluster-nodes.js";
export {
  clusterStatus,
  formatClusterStatus,
  type NodeHealth,
  type NodeStatus,
} from "./cluster/cluster-status.js";
export { FAULTS, type Fault, fault, healAll } from "./cluster/faults.js";
export { isolatedNodes } from "./cluster/isolation.js";
export { nodePid, nodeState } from "./cluster/node-processes.js";
export type { BrokerDefinition, BrokerName, LeaderInfo } from "./definitions/broker-definition.js";
export { BROKER_DEFINITIONS, BROKER_NAMES, brokerDefinition } from "./definitions/index.js";
export { dockerEngineAvailable } from "./docker.js";
export { down } from "./down.js";
export { BrokersError, UsageError } from "./errors.js";
export {
  type KafkaCluster,
  type KafkaClusterOptions,
  startKafkaCluster,
  stopKafkaDir,
} from "./kafka/kafka-cluster.js";
export { kafkaPartitionState, type PartitionState } from "./kafka/kafka-cluster-definition.js";
export { type KafkaNode, kafkaNodes, quorumVoters, serverProperties } from "./kafka/kafka-config.js";
export { hasKafkaJars, kafkaClasspath, kafkaLibsDir } from "./kafka/kafka-jars.js";
export { queueInfo as rabbitMqQueueInfo } from "./native/rabbitmq-cluster.js";
export { sentinelPrimary } from "./native/redis-cluster.js";
export {
  createTopicAndWait,
  kafkaRoundTrip,
  type ProbeResult,
  rabbitMqRoundTrip,
  redisRoundTrip,
} from "./probes.js";
export {
  type BrokerSettings,
  defaultCacheDir,
  KAFKA_VERSION,
  RABBITMQ_VERSION,
  REDIS_VERSION,
  settingsFromEnv,
} from "./settings.js";
export { type BrokerStatus, formatStatus, status } from "./status.js";
export { ensureBrokers, type UpOptions, type UpResult, up } from "./up.js";
