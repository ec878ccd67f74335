import {
  type Capabilities,
  ClosedError,
  checkRecords,
  DEFAULT_PREFETCH,
  type DeliveryHandler,
  type DurabilityLevel,
  type GroupLag,
  InvalidArgumentError,
  type MessageRecord,
  type MessagingClient,
  type PublishOptions,
  type PublishReceipt,
  replicatedNeedsCluster,
  reportingHandler,
  requireDurability,
  requireStartPosition,
  type SubscribeOptions,
  type Subscription,
  type TargetId,
  type TopicOptions,
  type TopicState,
  withTimeout,
} from "@brokerlab/messaging";
import kafkajs, { type Admin, type Kafka } from "kafkajs";
import { createPartitionsRefusal } from "./admin/refusal-text.js";
import { TopicAdmin } from "./admin/topic-admin.js";
import { kafkaCapabilitiesIn } from "./capabilities.js";
import type { GroupConsumerFactory } from "./consumer/group-consumer.js";
import { KafkaSubscription } from "./consumer/kafka-subscription.js";
import { KafkajsGroupConsumer } from "./consumer/kafkajs-group-consumer.js";
import { connectionFailure, missingTopic } from "./kafka-errors.js";
import { addressOf, DEFAULT_CONNECTION_TIMEOUT_MS, type KafkaClientOptions, kafkaConfig } from "./options.js";
import { InFlight } from "./producer/in-flight.js";
import type { KafkaPublisher } from "./producer/kafka-publisher.js";
import { KafkajsPublisher } from "./producer/kafkajs-publisher.js";
import { ACKS, checkProducerOptions, type KeyedPartitioning, publishDurability } from "./producer-options.js";
import { checkTopicName } from "./topic-name.js";

/**
 * What a Kafka target's publisher and group consumers are built from: the client's shared kafkajs connection,
 * admin and options.
 */
export interface PublisherContext {
  readonly kafka: Kafka;
  readonly topics: TopicAdmin;
  readonly address: string;
  readonly options: KafkaClientOptions;
}

/**
 * A Kafka client for one target: `publisher` and `consumer` (the client library a subscription's group member
 * fetches and commits with) are what differs between the Kafka targets; topic administration, subscriptions
 * (prefetch, ack tracking, start positions, redelivery), inspection and lag are the same code on all of them.
 */
export function openKafkaClient(
  target: TargetId,
  capabilities: Capabilities,
  options: KafkaClientOptions,
  publisher: (context: PublisherContext) => KafkaPublisher,
  consumer: (context: PublisherContext) => GroupConsumerFactory,
  keyedPartitionings?: readonly KeyedPartitioning[],
): MessagingClient {
  if (options.brokers.length === 0)
    throw new InvalidArgumentError("brokers must list at least one host:port");
  checkProducerOptions(options, keyedPartitionings);
  return new KafkaClient(target, capabilities, options, publisher, consumer);
}

/** A Kafka client (kafkajs) for the brokerlab contract. Nothing global: every instance has its own connections. */
export function createKafkaClient(options: KafkaClientOptions): MessagingClient {
  return openKafkaClient(
    "kafka",
    kafkaCapabilitiesIn(options.deployment),
    options,
    (context) => new KafkajsPublisher(context.kafka, context.topics, context.address, context.options),
    (context) => (settings) => new KafkajsGroupConsumer(context.kafka, settings),
  );
}

class KafkaClient implements MessagingClient {
  readonly address: string;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly publisher: KafkaPublisher;
  private readonly groupConsumer: GroupConsumerFactory;
  private readonly topics: TopicAdmin;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly publishes = new InFlight();
  private connecting?: Promise<void>;
  private closing?: Promise<void>;

  constructor(
    readonly target: TargetId,
    readonly capabilities: Capabilities,
    private readonly options: KafkaClientOptions,
    publisher: (context: PublisherContext) => KafkaPublisher,
    consumer: (context: PublisherContext) => GroupConsumerFactory,
  ) {
    this.address = addressOf(options);
    this.kafka = new kafkajs.Kafka(kafkaConfig(options));
    this.admin = this.kafka.admin();
    const ssl = options.ssl;
    this.topics = new TopicAdmin(
      this.admin,
      this.address,
      options.sasl ? undefined : (broker, topic, count) => createPartitionsRefusal(broker, ssl, topic, count),
      options.defaultReplicationFactor,
    );
    const context = { kafka: this.kafka, topics: this.topics, address: this.address, options };
    this.publisher = publisher(context);
    this.groupConsumer = consumer(context);
  }

  connect(): Promise<void> {
    if (this.closing) return Promise.reject(new ClosedError(this.target, this.address));
    this.connecting ??= this.openConnections().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async openConnections(): Promise<void> {
    // kafkajs retries on its own (briefly, see kafkaConfig); the timeout covers addresses that never answer.
    const limit = Math.max(5_000, 2 * (this.options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS));
    try {
      await withTimeout(
        Promise.all([this.admin.connect(), this.publisher.connect()]),
        limit,
        `connecting to Kafka at ${this.address}`,
      );
    } catch (error) {
      await Promise.allSettled([this.publisher.close(), this.admin.disconnect()]);
      throw connectionFailure(this.address, error);
    }
  }

  async brokerVersion(): Promise<string> {
    await this.connect();
    return this.topics.brokerVersion();
  }

  async settingsInEffect(durability: DurabilityLevel): Promise<Record<string, string | number>> {
    return {
      acks: ACKS[publishDurability(this.options, durability)],
      idempotent: this.options.idempotent ? "yes" : "no",
      unkeyedPartitioning: this.options.unkeyedPartitioning ?? "round-robin",
      keyedPartitioning: this.options.keyedPartitioning ?? "murmur2",
      compression: "none",
    };
  }

  async publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    this.refuseIfClosed();
    checkRecords(topic, records);
    checkTopicName(topic);
    const requested = options?.durability;
    const level = publishDurability(this.options, requested);
    // Only a level asked for must be declared: an idempotent producer's own acks=all is how it works on any
    // deployment (on one broker it waits for the leader alone, which is all "leader" promises).
    if (requested !== undefined)
      requireDurability(
        this,
        requested,
        requested === "replicated"
          ? replicatedNeedsCluster(
              "one Kafka broker has no follower: acks=all on RF 1 waits for the leader alone",
            )
          : "Kafka acks are 0, 1 or all",
      );
    await this.connect();
    return this.publishes.track(this.publisher.send(topic, records, level));
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    this.refuseIfClosed();
    checkTopicName(topic);
    const from = options.from ?? { kind: "committed" };
    requireStartPosition(this, from, "not a Kafka start position");
    const prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    if (!Number.isInteger(prefetch) || prefetch < 1) {
      throw new InvalidArgumentError(`prefetch must be a positive integer, got ${prefetch}`);
    }
    if (!options.group) throw new InvalidArgumentError("a Kafka subscription needs a consumer group name");
    await this.connect();
    if (!(await this.topics.exists(topic))) throw missingTopic(topic, this.address);
    const subscription = await KafkaSubscription.start({
      consumer: this.groupConsumer,
      admin: this.topics,
      topic,
      group: options.group,
      from,
      prefetch,
      handler: reportingHandler(this.target, handler, this.options.onHandlerError),
      joinTimeoutMs: 60_000,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    if (this.closing) {
      // close() ran while this subscription was joining: it must not outlive the client.
      await subscription.close();
      throw new ClosedError(this.target, this.address);
    }
    this.subscriptions.add(subscription);
    return subscription;
  }

  async createTopic(topic: string, options?: TopicOptions): Promise<void> {
    this.refuseIfClosed();
    checkTopicName(topic);
    await this.connect();
    await this.publisher.topicChanged(topic, "created");
    await this.topics.createTopic(topic, options);
  }

  async deleteTopic(topic: string): Promise<void> {
    await this.connect();
    await this.topics.deleteTopic(topic);
    await this.publisher.topicChanged(topic, "deleted");
  }

  async addPartitions(topic: string, partitions: number): Promise<void> {
    await this.connect();
    if (await this.topics.addPartitions(topic, partitions)) await this.publisher.topicChanged(topic, "grown");
  }

  async inspect(topic: string): Promise<TopicState> {
    await this.connect();
    return this.topics.inspect(topic);
  }

  async lag(topic: string, group: string): Promise<GroupLag> {
    await this.connect();
    return this.topics.lag(topic, group);
  }

  /** Before any argument check: on a closed client every call fails the same way. */
  private refuseIfClosed(): void {
    if (this.closing) throw new ClosedError(this.target, this.address);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    // Subscriptions commit what was acknowledged, then leave their groups; publishes in flight finish.
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    await this.publishes.settled();
    await Promise.allSettled([this.publisher.close(), this.admin.disconnect()]);
  }
}
