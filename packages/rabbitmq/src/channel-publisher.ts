import {
  ConnectionError,
  InvalidArgumentError,
  type MessageRecord,
  type PublishReceipt,
} from "@brokerlab/messaging";
import type { Channel, ChannelModel, ConfirmChannel, Message } from "amqplib";
import { publishProperties } from "./amqp-message.js";

/** RabbitMQ answered a publish with basic.nack: it could not take the record (e.g. a queue without a leader). */
export class PublishRejectedError extends Error {
  constructor(readonly topic: string) {
    super(`RabbitMQ refused (nacked) a record published to "${topic}"; publish it again later`);
    this.name = "PublishRejectedError";
  }
}

/**
 * Publishes over one connection: a confirm channel for the durable levels, a plain channel for "none".
 * Records go through the default exchange, whose routing key is the queue name. Confirmed publishes are
 * `mandatory`, so a record no queue took comes back (basic.return, always before its confirm) and the
 * publish fails with a one-line error instead of silently vanishing.
 */
export class ChannelPublisher {
  private confirmChannel?: Promise<ConfirmChannel>;
  private plainChannel?: Promise<Channel>;
  private readonly returnWatchers = new Set<(queue: string) => void>();

  constructor(
    private readonly model: ChannelModel,
    private readonly address: string,
  ) {}

  async publish(
    topic: string,
    records: readonly MessageRecord[],
    confirmed: boolean,
  ): Promise<PublishReceipt[]> {
    let unroutable = false;
    const watcher = (queue: string) => {
      if (queue === topic) unroutable = true;
    };
    this.returnWatchers.add(watcher);
    try {
      if (confirmed) await this.sendConfirmed(await this.confirm(), topic, records);
      else await this.sendPlain(await this.plain(), topic, records);
    } catch (error) {
      throw this.failure(topic, error);
    } finally {
      this.returnWatchers.delete(watcher);
    }
    if (unroutable) {
      throw new InvalidArgumentError(
        `topic "${topic}" does not exist at ${this.address}; create it with createTopic`,
      );
    }
    // AMQP confirms carry no position; stream offsets are known only on delivery.
    return records.map(() => ({}));
  }

  /** One promise per call, settled by counting the records' confirms: a promise per record cost client CPU. */
  private async sendConfirmed(channel: ConfirmChannel, topic: string, records: readonly MessageRecord[]) {
    let unconfirmed = records.length;
    let settle: (error?: unknown) => void = () => {};
    const confirmed = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    // Observed below; this only keeps an early nack from being reported as unhandled while a write waits.
    confirmed.catch(() => {});
    const onConfirm = (error: unknown) => {
      if (error) settle(error);
      else if (--unconfirmed === 0) settle();
    };
    const now = Date.now();
    for (const record of records) {
      const writable = channel.sendToQueue(
        topic,
        toBuffer(record.value),
        publishProperties(record, now, true),
        onConfirm,
      );
      if (!writable) await drained(channel);
    }
    await confirmed;
  }

  private async sendPlain(channel: Channel, topic: string, records: readonly MessageRecord[]) {
    const now = Date.now();
    for (const record of records) {
      const writable = channel.sendToQueue(
        topic,
        toBuffer(record.value),
        publishProperties(record, now, false),
      );
      if (!writable) await drained(channel);
    }
  }

  private failure(topic: string, error: unknown): Error {
    if (error instanceof RangeError)
      return new InvalidArgumentError(`cannot publish to "${topic}": ${error.message}`);
    if (error instanceof Error && /nack/i.test(error.message)) return new PublishRejectedError(topic);
    return new ConnectionError(
      this.address,
      "the connection was lost before RabbitMQ confirmed the records; they may or may not be stored, publish them again if duplicates are acceptable",
      error,
    );
  }

  private confirm(): Promise<ConfirmChannel> {
    if (!this.confirmChannel) {
      const opening = this.model.createConfirmChannel().then((channel) => {
        this.watch(channel, () => {
          if (this.confirmChannel === opening) this.confirmChannel = undefined;
        });
        channel.on("return", (message: Message) => {
          for (const watcher of this.returnWatchers) watcher(message.fields.routingKey);
        });
        return channel;
      });
      this.confirmChannel = opening;
      opening.catch(() => {
        if (this.confirmChannel === opening) this.confirmChannel = undefined;
      });
    }
    return this.confirmChannel;
  }

  private plain(): Promise<Channel> {
    if (!this.plainChannel) {
      const opening = this.model.createChannel().then((channel) => {
        this.watch(channel, () => {
          if (this.plainChannel === opening) this.plainChannel = undefined;
        });
        return channel;
      });
      this.plainChannel = opening;
      opening.catch(() => {
        if (this.plainChannel === opening) this.plainChannel = undefined;
      });
    }
    return this.plainChannel;
  }

  /** A channel the server closes (an error on it) is reopened by the next publish. */
  private watch(channel: Channel, onClose: () => void): void {
    channel.on("error", () => {});
    channel.on("close", onClose);
  }
}

function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Resolves once the channel's write buffer drained (or the channel closed; the next write then fails). */
function drained(channel: Channel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      channel.off("drain", done);
      channel.off("close", done);
      resolve();
    };
    channel.on("drain", done);
    channel.on("close", done);
  });
}
