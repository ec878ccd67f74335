import type { MessageRecord, RawPublisher, RawPublisherFactory } from "@brokerlab/messaging";
import kafkajs from "kafkajs";
import type { KafkaSettings } from "../kafka-settings.js";
import { kafkaConfig } from "../options.js";
import { ACKS } from "../producer-options.js";
import { toKafkaMessage } from "../records.js";
import { createBenchTopic } from "./bench-topic.js";

/**
 * kafkajs `send` with the acks the adapter maps each durability level to and the messages it builds (one
 * mapping, so the payloads cannot drift), but none of its partitioning, chunking or receipts.
 */
export const kafkaRawPublisher: RawPublisherFactory<KafkaSettings> = {
  async open(settings, options): Promise<RawPublisher> {
    const kafka = new kafkajs.Kafka(kafkaConfig({ ...settings, clientId: "brokerlab-yardstick" }));
    const admin = kafka.admin();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await admin.connect();
    await createBenchTopic(admin, options.name, options.partitions);
    await producer.connect();
    return {
      async publish(topic: string, records: readonly MessageRecord[], publishOptions) {
        await producer.send({
          topic,
          acks: ACKS[publishOptions?.durability ?? "leader"],
          messages: records.map(toKafkaMessage),
        });
        return records.map(() => ({}));
      },
      async close() {
        await producer.disconnect();
        await admin.deleteTopics({ topics: [options.name] }).catch(() => {});
        await admin.disconnect();
      },
    };
  },
};
