export { type ParsedArgs, parseArgs } from "./args.js";
export { type BrokerName, dockerEngineAvailable } from "./docker.js";
export { down } from "./down.js";
export { BrokersError, UsageError } from "./errors.js";
export {
  type KafkaCluster,
  type KafkaClusterOptions,
  startKafkaCluster,
  stopKafkaDir,
} from "./kafka/kafka-cluster.js";
export { type KafkaNode, kafkaNodes, quorumVoters, serverProperties } from "./kafka/kafka-config.js";
export { hasKafkaJars, kafkaClasspath, kafkaLibsDir } from "./kafka/kafka-jars.js";
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
