import type { RawConsumer, RawConsumerFactory } from "@brokerlab/messaging";
import kafkajs from "kafkajs";
import { COMMIT_INTERVAL_MS } from "../consumer/kafka-subscription.js";
import { kafkajsConsumerConfig } from "../consumer/kafkajs-group-consumer.js";
import type { KafkaSettings } from "../kafka-settings.js";
import { kafkaConfig } from "../options.js";
import { headersToStrings, keyOf } from "../records.js";

/** How long joining the group may take before open() gives up. */
const JOIN_MS = 30_000;

/**
 * kafkajs `eachBatch` in a consumer group with the adapter's consumer settings, the key and headers read as the
 * adapter reads them, and kafkajs' own commits of the resolved offsets at most every COMMIT_INTERVAL_MS (the
 * adapter's interval), after the batch; none of its prefetch gate, ack tracking or Delivery objects. The raw
 * loop of target `kafka` (`kafka-rdkafka` has rdkafkaRawConsumer).
 */
export const kafkaRawConsumer: RawConsumerFactory<KafkaSettings> = {
  async open(settings, options, handler): Promise<RawConsumer> {
    const kafka = new kafkajs.Kafka(kafkaConfig({ ...settings, clientId: "brokerlab-yardstick" }));
    const consumer = kafka.consumer(kafkajsConsumerConfig(options.group));
    let timer: NodeJS.Timeout | undefined;
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      timer = setTimeout(
        () => reject(new Error(`joining group "${options.group}" took over ${JOIN_MS} ms`)),
        JOIN_MS,
      );
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [options.name], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: COMMIT_INTERVAL_MS,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning }) => {
        // kafkajs keeps the highest offset resolved: the last one handled, once.
        let handled: string | undefined;
        for (const message of batch.messages) {
          keyOf(message);
          headersToStrings(message.headers);
          const held = handler(message.value ?? Buffer.alloc(0));
          if (held !== undefined) {
            await held;
            await heartbeat();
          }
          handled = message.offset;
          if (!isRunning()) break;
        }
        if (handled !== undefined) resolveOffset(handled);
      },
    });
    try {
      await joined;
    } catch (error) {
      await consumer.disconnect().catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return {
      async close() {
        // kafkajs commits the resolved offsets when its runner stops.
        await consumer.disconnect();
      },
    };
  },
};
