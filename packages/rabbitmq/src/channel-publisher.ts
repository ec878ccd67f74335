import {
  ConnectionError,
  InvalidArgumentError,
  type MessageRecord,
  NotFoundError,
  type PublishReceipt,
  PublishRejectedError,
} from "@brokerlab/messaging";
import type { Channel, ChannelModel, ConfirmChannel, Message } from "amqplib";
import { publishProperties } from "./amqp-message.js";

/**
 * Publishes over one connection: a confirm channel for the durable levels, a plain channel for "none".
 * Records go through the default exchange, whose routing key is the queue name. Every publish is
 * `mandatory`, so a record no queue took comes back (basic.return) and the publish fails with NotFoundError
 * instead of silently vanishing. With confirms the return always arrives before the record's confirm; without
 * them nothing else would arrive, so a "none" publish ends with one basic.qos on the same channel: RabbitMQ
 * handles a channel's methods in order and returns an unroutable record while handling its publish, so the
 * qos-ok comes after every return of the records sent before it. One round trip per call, not per record; a
 * qos, unlike a passive queue.declare, cannot fail and close the channel other publishes share.
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
    if (unroutable) throw new NotFoundError(topic, this.address);
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
        publishProperties(record, now, true),
      );
      if (!writable) await drained(channel);
    }
    // The barrier after which every return of these records has arrived (see the class comment). Prefetch
    // means nothing on a channel that never consumes.
    await channel.prefetch(0);
  }

  private failure(topic: string, error: unknown): Error {
    if (error instanceof RangeError)
      return new InvalidArgumentError(`cannot publish to "${topic}": ${error.message}`);
    if (error instanceof Error && /nack/i.test(error.message))
      return new PublishRejectedError(topic, "RabbitMQ answered basic.nack; publish them again later", error);
    if ((error as { code?: unknown } | undefined)?.code === 404)
      return new NotFoundError(topic, this.address);
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
        this.forwardReturns(channel);
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
        this.forwardReturns(channel);
        return channel;
      });
      this.plainChannel = opening;
      opening.catch(() => {
        if (this.plainChannel === opening) this.plainChannel = undefined;
      });
    }
    return this.plainChannel;
  }

  private forwardReturns(channel: Channel): void {
    channel.on("return", (message: Message) => {
      for (const watcher of this.returnWatchers) watcher(message.fields.routingKey);
    });
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
