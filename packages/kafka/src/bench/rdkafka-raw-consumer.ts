import type { RawConsumer, RawConsumerFactory } from "@brokerlab/messaging";
import type { LibrdKafkaError, Message } from "@confluentinc/kafka-javascript";
import { COMMIT_INTERVAL_MS } from "../consumer/kafka-subscription.js";
import type { KafkaSettings } from "../kafka-settings.js";
import {
  connectRdkafkaConsumer,
  consumeSome,
  disconnectConsumer,
  ERR_ASSIGN_PARTITIONS,
  RDKAFKA_MAX_BATCH,
  type RdkafkaConsumer,
  rdkafkaConsumerConfig,
} from "../rdkafka/rdkafka-consumer.js";
import { headersToStrings, keyOf } from "../records.js";

/** How long joining the group may take before open() gives up. */
const JOIN_MS = 30_000;

/**
 * librdkafka's consumer in a consumer group with the adapter's consumer config (rdkafkaConsumerConfig, the same
 * `consume` calls of up to RDKAFKA_MAX_BATCH records), the key and headers read as the adapter reads them, each
 * call's last offset per partition stored and librdkafka's auto-commit of it every COMMIT_INTERVAL_MS (the
 * adapter's interval); none of the subscription's prefetch gate, ack tracking, positioning or Delivery objects.
 */
export const rdkafkaRawConsumer: RawConsumerFactory<KafkaSettings> = {
  async open(settings, options, handler): Promise<RawConsumer> {
    let timer: NodeJS.Timeout | undefined;
    let assigned: () => void = () => {};
    const joined = new Promise<void>((resolve, reject) => {
      assigned = resolve;
      timer = setTimeout(
        () => reject(new Error(`joining group "${options.group}" took over ${JOIN_MS} ms`)),
        JOIN_MS,
      );
    });
    let consumer: RdkafkaConsumer | undefined;
    const config = rdkafkaConsumerConfig(
      { ...settings, clientId: "brokerlab-yardstick" },
      options.group,
      (error: LibrdKafkaError, assignment) => {
        if (error.code === ERR_ASSIGN_PARTITIONS) {
          consumer?.assign(assignment);
          assigned();
        } else {
          consumer?.unassign();
        }
      },
      COMMIT_INTERVAL_MS,
    );
    consumer = await connectRdkafkaConsumer(config, options.name);
    let running = true;
    const loop = consumeLoop(consumer, options.name, handler, () => running);
    try {
      await joined;
    } catch (error) {
      running = false;
      await loop;
      await disconnectConsumer(consumer);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    const connected = consumer;
    return {
      async close() {
        running = false;
        await loop;
        // librdkafka commits the stored offsets when it closes.
        await disconnectConsumer(connected);
      },
    };
  },
};

async function consumeLoop(
  consumer: RdkafkaConsumer,
  topic: string,
  handler: (value: Buffer) => Promise<void> | undefined,
  running: () => boolean,
): Promise<void> {
  const last = new Map<number, Message>();
  while (running()) {
    let messages: Message[];
    try {
      messages = await consumeSome(consumer, RDKAFKA_MAX_BATCH);
    } catch {
      // librdkafka retries on its own; look again in a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    for (const message of messages) {
      keyOf(message);
      headersToStrings(message.headers);
      const held = handler(message.value ?? Buffer.alloc(0));
      if (held !== undefined) await held;
      last.set(message.partition, message);
    }
    if (last.size === 0) continue;
    try {
      consumer.offsetsStore(
        [...last.values()].map((message) => ({
          topic,
          partition: message.partition,
          offset: message.offset + 1,
        })),
      );
    } catch {
      // A partition revoked meanwhile: its records go to the next owner.
    }
    last.clear();
  }
}
