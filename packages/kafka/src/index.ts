export { kafkaCapabilities } from "./capabilities.js";
export { ACKS, createKafkaClient } from "./kafka-client.js";
export type { KafkaClientOptions } from "./options.js";
export { murmur2, partitionForKey } from "./partitioner.js";
export {
  type KafkaProducerOptions,
  STICKY_BATCH_BYTES,
  UNKEYED_PARTITIONINGS,
  type UnkeyedPartitioning,
} from "./producer-options.js";
