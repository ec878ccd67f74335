import type { Capabilities } from "./capabilities.js";
import type { DurabilityLevel } from "./durability.js";
import type { Delivery, MessageRecord, PublishReceipt } from "./record.js";
import type { StartPosition } from "./start-position.js";
import type { TargetId } from "./targets.js";
import type { GroupLag, TopicOptions, TopicState } from "./topic.js";

export interface PublishOptions {
  /** Default `leader`. */
  readonly durability?: DurabilityLevel;
}

export interface Publisher {
  /**
   * Resolves once the broker holds every record at the requested durability. Records are read, not copied:
   * leave their values and headers unchanged until the call resolves.
   */
  publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]>;
}

export interface SubscribeOptions {
  /** Consumer group (Kafka group, Redis stream group, ...). Queues ignore it: one queue is one group. */
  readonly group: string;
  /** Default `committed` for targets with groups, else the queue head. */
  readonly from?: StartPosition;
  /** Most unacknowledged deliveries in flight (AMQP prefetch, stream COUNT). Default 100. */
  readonly prefetch?: number;
}

export type DeliveryHandler = (delivery: Delivery) => Promise<void> | void;

export interface Subscription {
  /**
   * Stops delivery. Every ack called before it is sent (and confirmed where the broker confirms acks) before
   * it resolves, so a new consumer of the group never gets those records again; deliveries not yet acknowledged
   * are left for the broker to hand out again.
   */
  close(): Promise<void>;
}

export interface Subscriber {
  /** Resolves once the subscription is live at the broker and will see records published afterwards. */
  subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription>;
}

export interface Admin {
  /** Creates the topic or queue; an existing one with the same settings is left as it is. */
  createTopic(topic: string, options?: TopicOptions): Promise<void>;
  deleteTopic(topic: string): Promise<void>;
  /** Kafka only: grows a topic to `partitions`; fewer is refused by the broker. */
  addPartitions(topic: string, partitions: number): Promise<void>;
  inspect(topic: string): Promise<TopicState>;
  lag(topic: string, group: string): Promise<GroupLag>;
}

/** One target's client: everything a service or a scenario needs, and nothing global. */
export interface MessagingClient extends Publisher, Subscriber, Admin {
  readonly target: TargetId;
  readonly capabilities: Capabilities;
  /** Where it talks to, printable (no credentials). */
  readonly address: string;
  /** Connects (fails fast with ConnectionError naming the address). */
  connect(): Promise<void>;
  /** The broker's version as it reports it. */
  brokerVersion(): Promise<string>;
  /**
   * Broker and client settings that shape throughput and latency when publishing at `durability` (acks, queue
   * type, confirms, persistence), read from the broker where it reports them; for benchmark results to say what
   * was measured. Optional: a target without it is reported without them.
   */
  settingsInEffect?(durability: DurabilityLevel): Promise<Readonly<Record<string, string | number>>>;
  /** Closes subscriptions, waits for in-flight publishes and acks, then disconnects. */
  close(): Promise<void>;
}

/** Unacknowledged deliveries a subscription holds when `SubscribeOptions.prefetch` is not given. */
export const DEFAULT_PREFETCH = 100;
