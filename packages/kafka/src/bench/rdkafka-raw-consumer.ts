import type { RawConsumer, RawConsumerFactory } from "@brokerlab/messaging";
import type { LibrdKafkaError } from "@confluentinc/kafka-javascript";
import { COMMIT_INTERVAL_MS } from "../consumer/kafka-subscription.js";
import type { KafkaSettings } from "../kafka-settings.js";
import { loadRdkafka } from "../rdkafka/rdkafka-binding.js";
import { ERR_ASSIGN_PARTITIONS, rdkafkaConsumerConfig } from "../rdkafka/rdkafka-consumer.js";
import { headersToStrings, keyOf } from "../records.js";

/** How long joining the group may take before open() gives up. */
const JOIN_MS = 30_000;

/**
 * librdkafka's KafkaJS-compatible `eachBatch` in a consumer group with the adapter's consumer settings and batch
 * size (one config, rdkafkaConsumerConfig), the key and headers read as the adapter reads them, and
 * librdkafka's own commits of the resolved offsets at most every COMMIT_INTERVAL_MS (the adapter's interval);
 * none of the subscription's prefetch gate, ack tracking, positioning or Delivery objects.
 */
export const rdkafkaRawConsumer: RawConsumerFactory<KafkaSettings> = {
  async open(settings, options, handler): Promise<RawConsumer> {
    const rdkafka = await loadRdkafka();
    let timer: NodeJS.Timeout | undefined;
    let assigned: () => void = () => {};
    const joined = new Promise<void>((resolve, reject) => {
      assigned = resolve;
      timer = setTimeout(
        () => reject(new Error(`joining group "${options.group}" took over ${JOIN_MS} ms`)),
        JOIN_MS,
      );
    });
    const consumer = new rdkafka.KafkaJS.Kafka({}).consumer({
      ...rdkafkaConsumerConfig(rdkafka, { ...settings, clientId: "brokerlab-yardstick" }, options.group, {
        autoCommitIntervalMs: COMMIT_INTERVAL_MS,
      }),
      rebalance_cb: (error: LibrdKafkaError) => {
        if (error.code === ERR_ASSIGN_PARTITIONS) assigned();
      },
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [options.name] });
      await consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, isRunning }) => {
          // The client keeps the highest offset resolved: the last one handled, once.
          let handled: string | undefined;
          for (const message of batch.messages) {
            keyOf(message);
            headersToStrings(message.headers);
            const held = handler(message.value ?? Buffer.alloc(0));
            if (held !== undefined) await held;
            handled = message.offset;
            if (!isRunning()) break;
          }
          if (handled !== undefined) resolveOffset(handled);
        },
      });
      await joined;
    } catch (error) {
      await consumer.disconnect().catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return {
      async close() {
        // librdkafka commits the resolved (stored) offsets when it closes.
        await consumer.disconnect();
      },
    };
  },
};
