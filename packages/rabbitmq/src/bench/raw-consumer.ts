import type { RawConsumer, RawConsumerFactory } from "@brokerlab/messaging";
import amqplib, { type ConsumeMessage } from "amqplib";
import { recordHeaders, STREAM_OFFSET_HEADER } from "../amqp-message.js";
import type { RabbitMqTarget } from "../capabilities.js";
import type { RabbitMqSettings } from "../rabbitmq-settings.js";

/**
 * amqplib `consume` with the adapter's prefetch and its acks: records finish in delivery order, so one
 * `basic.ack multiple` per event-loop turn for the latest (as the adapter's ChannelAcks sends for an in-order
 * run); the key and headers read as the adapter reads them. A stream is read from its first record.
 */
export function rabbitMqRawConsumer(target: RabbitMqTarget): RawConsumerFactory<RabbitMqSettings> {
  return {
    async open(settings, { name, prefetch }, handler): Promise<RawConsumer> {
      const connection = await amqplib.connect(settings.url);
      const channel = await connection.createChannel();
      await channel.prefetch(prefetch);
      let latest: ConsumeMessage | undefined;
      let scheduled = false;
      const flush = () => {
        scheduled = false;
        if (latest === undefined) return;
        channel.ack(latest, true);
        latest = undefined;
      };
      const ack = (message: ConsumeMessage) => {
        latest = message;
        if (scheduled) return;
        scheduled = true;
        setImmediate(flush);
      };
      const args = target === "rabbitmq-stream" ? { arguments: { [STREAM_OFFSET_HEADER]: "first" } } : {};
      const { consumerTag } = await channel.consume(
        name,
        (message) => {
          if (message === null) return;
          recordHeaders(message.properties.headers);
          const held = handler(message.content);
          if (held === undefined) ack(message);
          else void held.then(() => ack(message));
        },
        { noAck: false, ...args },
      );
      return {
        async close() {
          await channel.cancel(consumerTag).catch(() => {});
          flush();
          await channel.close().catch(() => {});
          await connection.close();
        },
      };
    },
  };
}
