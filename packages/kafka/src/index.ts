export { kafkaCapabilities, kafkaCapabilitiesIn, kafkaClusterCapabilities } from "./capabilities.js";
export { createKafkaClient } from "./kafka-client.js";
export { type KafkaSettings, kafkaSettings } from "./kafka-settings.js";
export { KAFKA_TARGET_DEFINITIONS, kafkaRdkafkaTarget, kafkaTarget } from "./kafka-target.js";
export { addressOf, type KafkaClientOptions, kafkaConfig } from "./options.js";
export { murmur2, partitionForKey } from "./partitioner.js";
export {
  ACKS,
  type KafkaProducerOptions,
  KEYED_PARTITIONINGS,
  type KeyedPartitioning,
  STICKY_BATCH_BYTES,
  UNKEYED_PARTITIONINGS,
  type UnkeyedPartitioning,
} from "./producer-options.js";
export { createRdkafkaClient } from "./rdkafka/create-rdkafka-client.js";
