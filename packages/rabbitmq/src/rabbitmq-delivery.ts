import type { Delivery, Position } from "@brokerlab/messaging";
import type { Channel, ConsumeMessage } from "amqplib";
import type { ChannelAcks } from "./channel-acks.js";

/** How a delivery is settled at the broker: its subscription, one object for all its deliveries. */
export interface DeliverySettler {
  /** Settles at the broker (ack, or nack with `requeue`); rejects rather than throws. */
  settle(delivery: RabbitMqDelivery, nack: boolean, requeue: boolean): Promise<void>;
  /** Why a nack with requeue is refused (a stream cannot redeliver); undefined where it is not. */
  requeueRefusal(): Error | undefined;
  /** Why the delivery can no longer be settled (its channel is gone); undefined while it can. */
  staleRefusal(delivery: RabbitMqDelivery): Error | undefined;
}

/**
 * One AMQP delivery: the contract's fields, and ack / nack on the prototype (no closures per delivery). The
 * first settlement's promise is kept: a second ack or nack returns it and does nothing.
 */
export class RabbitMqDelivery implements Delivery {
  private settled: Promise<void> | undefined;

  constructor(
    private readonly settler: DeliverySettler,
    readonly channel: Channel,
    readonly acks: ChannelAcks,
    readonly message: ConsumeMessage,
    /** The record's stream offset (NaN on a queue). */
    readonly streamOffset: number,
    readonly topic: string,
    readonly key: string | null,
    readonly value: Buffer,
    readonly headers: Readonly<Record<string, string>>,
    readonly timestamp: number,
    readonly position: Position,
    readonly redelivered: boolean,
  ) {}

  ack(): Promise<void> {
    return this.settle(false, false);
  }

  nack(options?: { requeue?: boolean }): Promise<void> {
    return this.settle(true, options?.requeue ?? true);
  }

  private settle(nack: boolean, requeue: boolean): Promise<void> {
    const unsupported = nack && requeue ? this.settler.requeueRefusal() : undefined;
    if (unsupported) return Promise.reject(unsupported);
    if (this.settled) return this.settled;
    const stale = this.settler.staleRefusal(this);
    if (stale) return Promise.reject(stale);
    this.settled = this.settler.settle(this, nack, requeue);
    return this.settled;
  }
}
