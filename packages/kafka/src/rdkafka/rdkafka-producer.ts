import type { DurabilityLevel } from "@brokerlab/messaging";
import type { DeliveryReport, LibrdKafkaError, Producer } from "@confluentinc/kafka-javascript";
import { DEFAULT_CONNECTION_TIMEOUT_MS, type KafkaClientOptions } from "../options.js";
import { loadRdkafka } from "./rdkafka-binding.js";
import { rdkafkaProducerConfig } from "./rdkafka-config.js";

export type DeliveryHandler = (error: LibrdKafkaError | null, report: DeliveryReport) => void;

/**
 * A connected librdkafka producer at one durability level, its delivery reports going to `onDelivery` from
 * librdkafka's own thread (nothing to poll from the event loop). The adapter and the yardstick's raw loop
 * both make theirs here, so they run with the same settings.
 */
export async function connectRdkafkaProducer(
  options: KafkaClientOptions,
  level: DurabilityLevel,
  onDelivery: DeliveryHandler,
  batchBytes?: number,
): Promise<Producer> {
  const rdkafka = await loadRdkafka();
  const config = rdkafkaProducerConfig(options, level, batchBytes);
  const producer = new rdkafka.Producer(config.global, config.topic);
  producer.on("delivery-report", onDelivery);
  await new Promise<void>((resolve, reject) => {
    producer.connect({ timeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
  producer.setPollInBackground(true);
  return producer;
}

/** Disconnects the producers that connected (librdkafka flushes what it still holds, for at most 5 s). */
export async function disconnectProducers(producers: Iterable<Promise<Producer>>): Promise<void> {
  const connected = await Promise.allSettled(producers);
  await Promise.all(
    connected.map((entry) =>
      entry.status === "fulfilled"
        ? new Promise<void>((resolve) => entry.value.disconnect(5_000, () => resolve()))
        : undefined,
    ),
  );
}
