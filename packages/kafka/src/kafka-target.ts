import type { TargetDefinition } from "@brokerlab/messaging";
import { consumerPerformance } from "./bench/consumer-performance.js";
import { kafkaJvmHeap } from "./bench/jvm-heap.js";
import { kafkaCapacity } from "./bench/kafka-capacity.js";
import { producerPerformance } from "./bench/producer-performance.js";
import { kafkaRawConsumer } from "./bench/raw-consumer.js";
import { kafkaRawPublisher } from "./bench/raw-publisher.js";
import { rdkafkaRawConsumer } from "./bench/rdkafka-raw-consumer.js";
import { rdkafkaRawPublisher } from "./bench/rdkafka-raw-publisher.js";
import { kafkaCapabilities, kafkaCapabilitiesIn } from "./capabilities.js";
import { createKafkaClient } from "./kafka-client.js";
import { type KafkaSettings, kafkaSettings } from "./kafka-settings.js";
import { createRdkafkaClient } from "./rdkafka/create-rdkafka-client.js";

/** Both Kafka targets switch on their client's idempotent producer the same way (the shared producer options). */
const idempotentSettings = (settings: KafkaSettings): KafkaSettings => ({ ...settings, idempotent: true });

export const kafkaTarget: TargetDefinition<KafkaSettings> = {
  id: "kafka",
  broker: "kafka",
  description: "partitioned, replicated log through kafkajs; consumer groups commit offsets",
  capabilities: kafkaCapabilities,
  capabilitiesIn: kafkaCapabilitiesIn,
  settings: kafkaSettings,
  createClient: createKafkaClient,
  idempotentSettings,
  bench: {
    rawPublisher: kafkaRawPublisher,
    rawConsumer: kafkaRawConsumer,
    nativeTool: producerPerformance,
    nativeConsumer: consumerPerformance,
    brokerMemory: kafkaJvmHeap,
    capacity: kafkaCapacity,
  },
};

export const kafkaRdkafkaTarget: TargetDefinition<KafkaSettings> = {
  id: "kafka-rdkafka",
  broker: "kafka",
  description:
    "the same log published and consumed through librdkafka (@confluentinc/kafka-javascript), Java's partitioning",
  capabilities: kafkaCapabilities,
  capabilitiesIn: kafkaCapabilitiesIn,
  settings: kafkaSettings,
  createClient: createRdkafkaClient,
  idempotentSettings,
  bench: {
    rawPublisher: rdkafkaRawPublisher,
    rawConsumer: rdkafkaRawConsumer,
    nativeTool: producerPerformance,
    nativeConsumer: consumerPerformance,
    brokerMemory: kafkaJvmHeap,
    capacity: kafkaCapacity,
  },
};

/** Every target this package implements, in the order tables show them. */
export const KAFKA_TARGET_DEFINITIONS: readonly TargetDefinition<KafkaSettings>[] = [
  kafkaTarget,
  kafkaRdkafkaTarget,
];
