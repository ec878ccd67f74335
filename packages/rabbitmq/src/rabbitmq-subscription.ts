import {
  ConnectionError,
  type Delivery,
  type DeliveryHandler,
  type StartPosition,
  type Subscription,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import type { Channel, ChannelModel, ConsumeMessage } from "amqplib";
import { topicFailure } from "./amqp-errors.js";
import { recordHeaders, STREAM_OFFSET_HEADER, timestampFromAmqp } from "./amqp-message.js";
import type { RabbitMqTarget } from "./capabilities.js";
import { ChannelAcks } from "./channel-acks.js";
import { type DeliverySettler, RabbitMqDelivery } from "./rabbitmq-delivery.js";
import { type StreamOffsetArgument, streamOffsetArgument } from "./stream-offset.js";

/** What a subscription needs from its client. */
export interface SubscriptionHost {
  readonly target: RabbitMqTarget;
  readonly address: string;
  /** A stream record this group acknowledged (the client tracks it for `lag`). */
  streamAcked(topic: string, group: string, offset: number): void;
  removed(subscription: RabbitMqSubscription): void;
  handlerFailed(error: unknown, delivery: Delivery): void;
}

export interface SubscriptionSettings {
  readonly topic: string;
  readonly group: string;
  readonly from: StartPosition;
  readonly prefetch: number;
  readonly handler: DeliveryHandler;
}

/**
 * One consumer on its own channel, so closing it returns exactly its unacknowledged deliveries to the queue.
 * The handler sees deliveries one at a time, in order. After a reconnect the client calls `start` again:
 * a queue consumer simply resumes at the head, a stream consumer resumes after the last offset it handed out.
 */
export class RabbitMqSubscription implements Subscription {
  private channel?: Channel;
  private acks?: ChannelAcks;
  private consumerTag?: string;
  private model?: ChannelModel;
  private closed = false;
  private chain: Promise<void> = Promise.resolve();
  private lastOffset?: number;
  private skipBefore?: number;
  private readonly stream: boolean;

  constructor(
    private readonly host: SubscriptionHost,
    readonly settings: SubscriptionSettings,
  ) {
    this.stream = host.target === "rabbitmq-stream";
  }

  get topic(): string {
    return this.settings.topic;
  }

  /** Deliveries the broker counts as unacknowledged on this consumer's current channel. */
  get unacked(): number {
    return this.acks?.unacked ?? 0;
  }

  /** Opens a channel and consumer on `model`; a second call for the same connection does nothing. */
  async start(model: ChannelModel): Promise<void> {
    if (this.closed || this.model === model) return;
    this.model = model;
    const channel = await model.createChannel();
    channel.on("error", () => {});
    const acks = new ChannelAcks(channel);
    channel.on("close", () => {
      acks.lost(this.lostBeforeAck());
      if (this.channel !== channel) return;
      // Unacknowledged deliveries went back to the queue with the channel.
      this.channel = undefined;
      this.acks = undefined;
    });
    this.channel = channel;
    this.acks = acks;
    await channel.prefetch(this.settings.prefetch);
    const args = this.stream ? { [STREAM_OFFSET_HEADER]: this.resumeArgument() } : undefined;
    try {
      const reply = await channel.consume(this.topic, (message) => this.receive(channel, acks, message), {
        noAck: false,
        ...(args ? { arguments: args } : {}),
      });
      this.consumerTag = reply.consumerTag;
    } catch (error) {
      this.model = undefined;
      throw topicFailure(this.topic, this.host.address, error);
    }
  }

  /** The connection went away with the channel; the broker requeued what was unacknowledged. */
  connectionLost(): void {
    this.acks?.lost(this.lostBeforeAck());
    this.channel = undefined;
    this.acks = undefined;
    this.model = undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.host.removed(this);
    const channel = this.channel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => {});
    // Let the handler that is running finish (it may ack); queued deliveries are not handed out any more.
    await this.chain;
    // Acks still gathering go out before the channel closes, which would give their records back.
    await this.acks?.drain();
    if (channel) await channel.close().catch(() => {});
    this.channel = undefined;
    this.acks = undefined;
  }

  private lostBeforeAck(): ConnectionError {
    return new ConnectionError(
      this.host.address,
      this.stream
        ? "the connection was lost before this ack; the subscription resumed after this record"
        : "the connection was lost before this ack; RabbitMQ will deliver the record again",
    );
  }

  private resumeArgument(): StreamOffsetArgument {
    if (this.lastOffset !== undefined) {
      this.skipBefore = undefined;
      return { "!": "long", value: this.lastOffset + 1 };
    }
    const { from } = this.settings;
    this.skipBefore = from.kind === "timestamp" ? from.timestamp : undefined;
    return streamOffsetArgument(from);
  }

  private receive(channel: Channel, acks: ChannelAcks, message: ConsumeMessage | null): void {
    // null: the broker cancelled the consumer (the queue was deleted); nothing more will come.
    if (!message) return;
    acks.delivered(message);
    const delivery = this.delivery(channel, acks, message);
    this.chain = this.chain.then(() => this.handle(channel, acks, delivery, message));
  }

  private async handle(
    channel: Channel,
    acks: ChannelAcks,
    delivery: Delivery,
    message: ConsumeMessage,
  ): Promise<void> {
    // Stale: the channel is gone, so the broker requeued it (queue) or we resume after lastOffset (stream).
    if (this.closed || this.channel !== channel) return;
    if (this.skipBefore !== undefined) {
      // The broker seeks a timestamp to a whole chunk; records of that chunk before the time are skipped.
      if (delivery.timestamp < this.skipBefore) {
        void acks.ack(message).catch(() => {});
        return;
      }
      this.skipBefore = undefined;
    }
    if (this.stream) this.lastOffset = Number(delivery.position.offset);
    try {
      await this.settings.handler(delivery);
    } catch (error) {
      this.host.handlerFailed(error, delivery);
      // Where the target redelivers, a failed record comes back; a stream cannot, so it is passed.
      await (this.stream ? delivery.ack() : delivery.nack({ requeue: true })).catch(() => {});
    }
  }

  private delivery(channel: Channel, acks: ChannelAcks, message: ConsumeMessage): RabbitMqDelivery {
    const { key, headers } = recordHeaders(message.properties.headers);
    const streamOffset = Number(message.properties.headers?.[STREAM_OFFSET_HEADER]);
    const offset = this.stream ? streamOffset : message.fields.deliveryTag;
    return new RabbitMqDelivery(
      this.settler,
      channel,
      acks,
      message,
      streamOffset,
      this.topic,
      key,
      message.content,
      headers,
      timestampFromAmqp(message.properties.timestamp, Date.now()),
      { partition: 0, offset: String(offset) },
      message.fields.redelivered,
    );
  }

  /** Settles this subscription's deliveries: one object for all of them, so a delivery carries no closures. */
  private readonly settler: DeliverySettler = {
    requeueRefusal: () =>
      this.stream
        ? new UnsupportedCapabilityError(
            this.host.target,
            "nack with requeue",
            "a stream never redelivers; to read a record again, subscribe from its position",
          )
        : undefined,
    staleRefusal: (delivery) => (this.channel === delivery.channel ? undefined : this.lostBeforeAck()),
    settle: async (delivery, nack, requeue) => {
      const { acks, message } = delivery;
      // RabbitMQ closes the connection on basic.nack to a stream; there a nack only returns the credit.
      if (nack && !this.stream) return acks.nack(message, requeue);
      await acks.ack(message);
      if (this.stream && !nack) this.host.streamAcked(this.topic, this.settings.group, delivery.streamOffset);
    },
  };
}
