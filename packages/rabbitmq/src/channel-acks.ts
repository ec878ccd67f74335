import { TickBatcher } from "@brokerlab/messaging";
import type { Channel, ConsumeMessage } from "amqplib";

/**
 * The deliveries of one channel the broker counts as unacknowledged, and their settlement. Acks of one turn go
 * out together: one `basic.ack multiple` for the longest run of oldest deliveries that are all settled, single
 * acks for the rest (AMQP's `multiple` settles every outstanding tag up to the one given, so it may only cover a
 * run with no delivery still open). Nacks go out at once: they are rare and requeue order matters.
 * AMQP 0.9.1 does not confirm acks; an ack's promise resolves once the frame is handed to the connection.
 */
export class ChannelAcks {
  /** Deliveries in delivery-tag order from `head` on; those before `head` are settled. */
  private readonly outstanding: ConsumeMessage[] = [];
  private head = 0;
  /** Acked in this turn, waiting for the flush. */
  private readonly acking = new Set<ConsumeMessage>();
  /** Past `head`, settled one by one already (nack, or an ack out of order). */
  private readonly settled = new Set<ConsumeMessage>();
  private readonly batcher = new TickBatcher<ConsumeMessage>(async () => this.flush());
  private goneReason: Error | undefined;

  constructor(private readonly channel: Channel) {}

  /** Delivered and not yet settled at the broker (acks waiting for the flush included). */
  get unacked(): number {
    return this.outstanding.length - this.head - this.settled.size;
  }

  delivered(message: ConsumeMessage): void {
    this.outstanding.push(message);
  }

  ack(message: ConsumeMessage): Promise<void> {
    if (this.goneReason) return Promise.reject(this.goneReason);
    this.acking.add(message);
    return this.batcher.add(message);
  }

  nack(message: ConsumeMessage, requeue: boolean): void {
    if (this.goneReason) throw this.goneReason;
    this.channel.nack(message, false, requeue);
    this.settled.add(message);
  }

  /** Sends the acks gathering now; for close(), before the channel goes. */
  drain(): Promise<void> {
    return this.batcher.drain();
  }

  /** The channel is gone: the broker gave its unacknowledged deliveries back, and acks gathering now fail. */
  lost(reason: Error): void {
    this.goneReason = reason;
  }

  private flush(): void {
    if (this.goneReason) {
      this.acking.clear();
      throw this.goneReason;
    }
    let upTo: ConsumeMessage | undefined;
    while (this.head < this.outstanding.length) {
      const message = this.outstanding[this.head] as ConsumeMessage;
      if (this.acking.delete(message)) upTo = message;
      else if (!this.settled.delete(message)) break;
      this.head += 1;
    }
    if (upTo !== undefined) this.channel.ack(upTo, true);
    for (const message of this.acking) {
      this.channel.ack(message, false);
      this.settled.add(message);
    }
    this.acking.clear();
    // Drop the settled prefix now and then, not on every flush (splice moves the whole array).
    if (this.head > 1024 && this.head * 2 > this.outstanding.length) {
      this.outstanding.splice(0, this.head);
      this.head = 0;
    }
  }
}
