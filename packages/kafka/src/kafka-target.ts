import type { TargetDefinition } from "@brokerlab/messaging";
import { producerPerformance } from "./bench/producer-performance.js";
import { kafkaRawPublisher } from "./bench/raw-publisher.js";
import { rdkafkaRawPublisher } from "./bench/rdkafka-raw-publisher.js";
import { kafkaCapabilities, kafkaCapabilitiesIn } from "./capabilities.js";
import { createKafkaClient } from "./kafka-client.js";
import { type KafkaSettings, kafkaSettings } from "./kafka-settings.js";
import { createRdkafkaClient } from "./rdkafka/create-rdkafka-client.js";

export const kafkaTarget: TargetDefinition<KafkaSettings> = {
  id: "kafka",
  broker: "kafka",
  description: "partitioned, replicated log through kafkajs; consumer groups commit offsets",
  capabilities: kafkaCapabilities,
  capabilitiesIn: kafkaCapabilitiesIn,
  settings: kafkaSettings,
  createClient: createKafkaClient,
  idempotentSettings: (settings) => ({ ...settings, idempotent: true }),
  bench: { rawPublisher: kafkaRawPublisher, nativeTool: producerPerformance },
};

export const kafkaRdkafkaTarget: TargetDefinition<KafkaSettings> = {
  id: "kafka-rdkafka",
  broker: "kafka",
  description:
    "the same log published through librdkafka (@confluentinc/kafka-javascript), Java's partitioning",
  capabilities: kafkaCapabilities,
  capabilitiesIn: kafkaCapabilitiesIn,
  settings: kafkaSettings,
  createClient: createRdkafkaClient,
  bench: { rawPublisher: rdkafkaRawPublisher, nativeTool: producerPerformance },
};

/** Every target this package implements, in the order tables show them. */
export const KAFKA_TARGET_DEFINITIONS: readonly TargetDefinition<KafkaSettings>[] = [
  kafkaTarget,
  kafkaRdkafkaTarget,
];
