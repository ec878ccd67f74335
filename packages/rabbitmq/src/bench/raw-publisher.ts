import type { MessageRecord, RawPublisher, RawPublisherFactory } from "@brokerlab/messaging";
import amqplib from "amqplib";
import { publishProperties } from "../amqp-message.js";
import type { RabbitMqTarget } from "../capabilities.js";
import { QUEUE_TYPE } from "../queue-arguments.js";
import type { RabbitMqSettings } from "../rabbitmq-settings.js";

function buffer(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * amqplib `sendToQueue` on a confirm channel awaiting each confirm (a plain channel for durability none),
 * with the adapter's message properties. Queues (not streams) can be emptied between rounds.
 */
export function rabbitMqRawPublisher(target: RabbitMqTarget): RawPublisherFactory<RabbitMqSettings> {
  return {
    async open(settings, { name }): Promise<RawPublisher> {
      const connection = await amqplib.connect(settings.url);
      const confirm = await connection.createConfirmChannel();
      const plain = await connection.createChannel();
      await confirm.assertQueue(name, { durable: true, arguments: { "x-queue-type": QUEUE_TYPE[target] } });
      const drained = (channel: amqplib.Channel) =>
        new Promise<void>((resolve) => channel.once("drain", resolve));
      // The adapter's own properties (key header, timestamp), so both paths carry the same content.
      const properties = (record: MessageRecord) => publishProperties(record, Date.now(), false);
      const publisher: RawPublisher = {
        async publish(topic: string, records: readonly MessageRecord[], publishOptions) {
          if (publishOptions?.durability === "none") {
            for (const record of records) {
              if (!plain.sendToQueue(topic, buffer(record.value), properties(record))) await drained(plain);
            }
            return records.map(() => ({}));
          }
          const confirms: Promise<void>[] = [];
          for (const record of records) {
            let writable = true;
            confirms.push(
              new Promise<void>((resolve, reject) => {
                writable = confirm.sendToQueue(
                  topic,
                  buffer(record.value),
                  properties(record),
                  (error: unknown) => (error ? reject(error) : resolve()),
                );
              }),
            );
            if (!writable) await drained(confirm);
          }
          await Promise.all(confirms);
          return records.map(() => ({}));
        },
        async close() {
          await plain.deleteQueue(name).catch(() => {});
          await connection.close();
        },
      };
      if (target === "rabbitmq-stream") return publisher;
      return {
        ...publisher,
        async empty() {
          await plain.purgeQueue(name);
        },
      };
    },
  };
}
