import type { Position } from "./position.js";

/** What a producer sends. `value` is binary; text is the caller's encoding choice. */
export interface MessageRecord {
  readonly key?: string | null;
  readonly value: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  /** Producer timestamp, ms since epoch; brokers that keep their own time report that on delivery. */
  readonly timestamp?: number;
}

/** What `publish` learned from the broker about one record it stored. */
export interface PublishReceipt {
  /** Where the broker stored it, when the broker says (Kafka, streams); undefined for queues. */
  readonly position?: Position;
}

/** One record handed to a subscriber. Exactly one of `ack` or `nack` settles it. */
export interface Delivery {
  readonly topic: string;
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  /** ms since epoch: the broker's timestamp where it keeps one, else the producer's. */
  readonly timestamp: number;
  readonly position: Position;
  /** The broker (or, for Kafka, this subscription) delivered this record before. */
  readonly redelivered: boolean;
  /**
   * Done with it: a queue deletes it, a log commits the position. Acks are gathered, not sent one by one: those
   * of one event-loop turn go out together (one XACK with many ids, one AMQP `multiple` ack, one settle script),
   * Kafka's as one commit per interval. When the promise resolves the broker has the acknowledgement and the
   * record is not delivered again to this group or queue: Redis and Kafka replied to it; RabbitMQ (AMQP 0.9.1
   * never confirms an ack) has the frame on the connection, so only a connection lost before the broker read it
   * brings the record back. Not awaiting it is fine: `Subscription.close()` sends every ack called before it.
   */
  ack(): Promise<void>;
  /** Give it back: `requeue: true` (default) delivers it again; `false` drops it or dead-letters it. */
  nack(options?: { requeue?: boolean }): Promise<void>;
}
