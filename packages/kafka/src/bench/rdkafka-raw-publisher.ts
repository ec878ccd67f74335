import type { DurabilityLevel, MessageRecord, RawPublisher, RawPublisherFactory } from "@brokerlab/messaging";
import type { DeliveryReport, LibrdKafkaError, Producer } from "@confluentinc/kafka-javascript";
import kafkajs from "kafkajs";
import type { KafkaSettings } from "../kafka-settings.js";
import { kafkaConfig } from "../options.js";
import { isQueueFull } from "../rdkafka/rdkafka-errors.js";
import { connectRdkafkaProducer, disconnectProducers } from "../rdkafka/rdkafka-producer.js";
import { asBuffer, toHeaders } from "../rdkafka/rdkafka-records.js";
import { createBenchTopic } from "./bench-topic.js";

/** One raw publish call: settled when all its delivery reports are in. */
interface RawBatch {
  left: number;
  error?: LibrdKafkaError;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * librdkafka `produce` with the producer settings, payloads and unkeyed round-robin of the adapter, counting one
 * publish call's delivery reports; none of its per-record slots, routes, receipts or error mapping. A full queue
 * is waited out as the adapter does.
 */
export const rdkafkaRawPublisher: RawPublisherFactory<KafkaSettings> = {
  async open(settings, options): Promise<RawPublisher> {
    const admin = new kafkajs.Kafka(kafkaConfig({ ...settings, clientId: "brokerlab-yardstick" })).admin();
    await admin.connect();
    await createBenchTopic(admin, options.name, options.partitions);
    const producers = new Map<DurabilityLevel, Promise<Producer>>();
    const producer = (level: DurabilityLevel) => {
      let connecting = producers.get(level);
      if (!connecting) {
        connecting = connectRdkafkaProducer({ ...settings, clientId: "brokerlab-yardstick" }, level, settle);
        producers.set(level, connecting);
      }
      return connecting;
    };
    let next = 0;
    return {
      async publish(topic: string, records: readonly MessageRecord[], publishOptions) {
        const target = await producer(publishOptions?.durability ?? "leader");
        await new Promise<void>((resolve, reject) => {
          const batch: RawBatch = { left: records.length, resolve, reject };
          if (records.length === 0) resolve();
          void produceAll(target, topic, records, batch, () => next++ % options.partitions);
        });
        return records.map(() => ({}));
      },
      async close() {
        await disconnectProducers(producers.values());
        await admin.deleteTopics({ topics: [options.name] }).catch(() => {});
        await admin.disconnect();
      },
    };
  },
};

async function produceAll(
  producer: Producer,
  topic: string,
  records: readonly MessageRecord[],
  batch: RawBatch,
  nextPartition: () => number,
): Promise<void> {
  for (const record of records) {
    const key = record.key ?? null;
    const partition = key === null ? nextPartition() : -1;
    const value = asBuffer(record.value);
    const headers = record.headers === undefined ? undefined : toHeaders(record.headers);
    for (;;) {
      try {
        producer.produce(topic, partition, value, key, record.timestamp ?? null, batch, headers);
        break;
      } catch (error) {
        if (!isQueueFull(error)) return batch.reject(error);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  }
}

function settle(error: LibrdKafkaError | null, report: DeliveryReport): void {
  const batch: RawBatch = report.opaque;
  if (error) batch.error ??= error;
  batch.left -= 1;
  if (batch.left > 0) return;
  if (batch.error) batch.reject(batch.error);
  else batch.resolve();
}
