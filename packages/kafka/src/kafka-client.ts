import {
  type Capabilities,
  DEFAULT_PREFETCH,
  type DeliveryHandler,
  type DurabilityLevel,
  type GroupLag,
  InvalidArgumentError,
  type MessageRecord,
  type MessagingClient,
  type PublishOptions,
  type PublishReceipt,
  requireDurability,
  requireStartPosition,
  type SubscribeOptions,
  type Subscription,
  type TopicOptions,
  type TopicState,
  withTimeout,
} from "@brokerlab/messaging";
import kafkajs, { type Admin, type Kafka, type Message, type Producer } from "kafkajs";
import { createPartitionsRefusal } from "./admin/refusal-text.js";
import { TopicAdmin } from "./admin/topic-admin.js";
import { kafkaCapabilities } from "./capabilities.js";
import { KafkaSubscription } from "./consumer/kafka-subscription.js";
import { connectionFailure, isConnectionLoss, missingTopic, protocolErrorType } from "./kafka-errors.js";
import { addressOf, DEFAULT_CONNECTION_TIMEOUT_MS, type KafkaClientOptions, kafkaConfig } from "./options.js";
import { javaCompatiblePartitioner } from "./partitioner.js";
import { checkProducerOptions, publishDurability } from "./producer-options.js";
import { chunkByBytes, receiptsFor, toKafkaMessage } from "./records.js";

/** Kafka producer acks per contract durability level. */
export const ACKS: Readonly<Record<DurabilityLevel, number>> = { none: 0, leader: 1, replicated: -1 };

/** Sends stay below Kafka's default 1 MB batch limit, also on topics this client did not create. */
const MAX_SEND_BYTES = 900_000;
/** Room for the record batch header and per-record framing that chunkByBytes only estimates. */
const BATCH_OVERHEAD_BYTES = 256;
/** With the cluster's retry settings (100 ms doubling to at most 2 s), about a minute of retries. */
const IDEMPOTENT_RETRIES = 30;

/** A Kafka client for the brokerlab contract. Nothing global: every instance has its own connections. */
export function createKafkaClient(options: KafkaClientOptions): MessagingClient {
  if (options.brokers.length === 0)
    throw new InvalidArgumentError("brokers must list at least one host:port");
  checkProducerOptions(options);
  return new KafkaClient(options);
}

class KafkaClient implements MessagingClient {
  readonly target = "kafka" as const;
  readonly capabilities: Capabilities = kafkaCapabilities;
  readonly address: string;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private producer: Producer;
  private readonly topics: TopicAdmin;
  /**
   * The partition the partitioner chose for each message of a send, read back (and removed) for receipts.
   * A Map with explicit deletes: weak entries cost the garbage collector more, per message.
   */
  private readonly assigned = new Map<Message, number>();
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly publishes = new Set<Promise<unknown>>();
  /** Per topic, the bytes one send may carry (see TopicAdmin.batchLimit); looked up once per topic. */
  private readonly sendLimits = new Map<string, Promise<number>>();
  private connecting?: Promise<void>;
  private closing?: Promise<void>;

  constructor(private readonly options: KafkaClientOptions) {
    this.address = addressOf(options);
    this.kafka = new kafkajs.Kafka(kafkaConfig(options));
    this.admin = this.kafka.admin();
    this.producer = this.createProducer();
    const ssl = options.ssl;
    this.topics = new TopicAdmin(
      this.admin,
      options.sasl ? undefined : (broker, topic, count) => createPartitionsRefusal(broker, ssl, topic, count),
      options.defaultReplicationFactor,
    );
  }

  private createProducer(): Producer {
    const createPartitioner = javaCompatiblePartitioner(
      (message, partition) => this.assigned.set(message, partition),
      this.options.unkeyedPartitioning,
    );
    if (!this.options.idempotent)
      return this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner });
    return this.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner,
      idempotent: true,
      // kafkajs' sequence numbers go wrong with concurrent requests to one partition (OUT_OF_ORDER_SEQUENCE_NUMBER).
      maxInFlightRequests: 1,
      // kafkajs would retry forever; about a minute of retries bounds a publish while a partition has no leader.
      retry: { retries: IDEMPOTENT_RETRIES },
    });
  }

  /**
   * kafkajs producers keep topic metadata for minutes, so after this client grew a topic its keyed records would
   * still be hashed over the old partition count. A fresh producer sees the new count at once; the old one
   * finishes what it is sending, then disconnects.
   */
  private async renewProducer(): Promise<void> {
    const fresh = this.createProducer();
    await fresh.connect();
    const old = this.producer;
    this.producer = fresh;
    await Promise.allSettled([...this.publishes]);
    await old.disconnect().catch(() => {});
  }

  connect(): Promise<void> {
    if (this.closing) return Promise.reject(new InvalidArgumentError("this Kafka client is closed"));
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
        Promise.all([this.admin.connect(), this.producer.connect()]),
        limit,
        `connecting to Kafka at ${this.address}`,
      );
    } catch (error) {
      await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
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
      compression: "none",
    };
  }

  async publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    const level = publishDurability(this.options, options?.durability);
    requireDurability(this, level, "Kafka acks are 0, 1 or all");
    await this.connect();
    const sending = this.send(topic, records, ACKS[level]);
    this.publishes.add(sending);
    try {
      return await sending;
    } finally {
      this.publishes.delete(sending);
    }
  }

  private async send(
    topic: string,
    records: readonly MessageRecord[],
    acks: number,
  ): Promise<PublishReceipt[]> {
    const receipts: PublishReceipt[] = [];
    const limit = await this.sendLimit(topic);
    // Chunks go one after another so records keep their order within each partition.
    for (const chunk of chunkByBytes(records, limit)) {
      const messages = chunk.map(toKafkaMessage);
      try {
        const metadata = await this.producer.send({ topic, messages, acks, timeout: 30_000 });
        receipts.push(
          ...receiptsFor(
            messages.map((message) => this.assigned.get(message)),
            metadata,
          ),
        );
      } catch (error) {
        throw await this.publishFailure(topic, error);
      } finally {
        for (const message of messages) this.assigned.delete(message);
      }
    }
    return receipts;
  }

  private sendLimit(topic: string): Promise<number> {
    let limit = this.sendLimits.get(topic);
    if (!limit) {
      limit = this.topics.batchLimit(topic).then(
        (bytes) => Math.max(1024, Math.min(MAX_SEND_BYTES, bytes - BATCH_OVERHEAD_BYTES)),
        (error: unknown) => {
          this.sendLimits.delete(topic);
          // Saying so now beats kafkajs retrying a send to a topic that is not there for seconds.
          if (protocolErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION") throw missingTopic(topic);
          return MAX_SEND_BYTES;
        },
      );
      this.sendLimits.set(topic, limit);
    }
    return limit;
  }

  private async publishFailure(topic: string, error: unknown): Promise<unknown> {
    const type = protocolErrorType(error);
    if (type === "MESSAGE_TOO_LARGE" || type === "RECORD_LIST_TOO_LARGE") {
      return new InvalidArgumentError(
        `a record is larger than topic "${topic}" accepts (max.message.bytes or segment.bytes); use smaller records or raise the topic's limits`,
      );
    }
    if (isConnectionLoss(error)) return connectionFailure(this.address, error);
    if (type === "UNKNOWN_TOPIC_OR_PARTITION" && !(await this.topics.exists(topic).catch(() => true))) {
      return missingTopic(topic);
    }
    return error;
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    const from = options.from ?? { kind: "committed" };
    requireStartPosition(this, from, "not a Kafka start position");
    const prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    if (!Number.isInteger(prefetch) || prefetch < 1) {
      throw new InvalidArgumentError(`prefetch must be a positive integer, got ${prefetch}`);
    }
    if (!options.group) throw new InvalidArgumentError("a Kafka subscription needs a consumer group name");
    await this.connect();
    if (!(await this.topics.exists(topic))) throw missingTopic(topic);
    const subscription = await KafkaSubscription.start({
      kafka: this.kafka,
      admin: this.topics,
      topic,
      group: options.group,
      from,
      prefetch,
      handler,
      joinTimeoutMs: 60_000,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    if (this.closing) {
      // close() ran while this subscription was joining: it must not outlive the client.
      await subscription.close();
      throw new InvalidArgumentError("this Kafka client was closed while subscribing");
    }
    this.subscriptions.add(subscription);
    return subscription;
  }

  async createTopic(topic: string, options?: TopicOptions): Promise<void> {
    await this.connect();
    this.sendLimits.delete(topic);
    await this.topics.createTopic(topic, options);
  }

  async deleteTopic(topic: string): Promise<void> {
    await this.connect();
    // A kafkajs producer refreshes metadata for every topic it ever sent to, and one deleted topic
    // fails that refresh for all: a producer that knew the topic is replaced.
    const producerKnewTopic = this.sendLimits.delete(topic);
    await this.topics.deleteTopic(topic);
    if (producerKnewTopic) await this.renewProducer();
  }

  async addPartitions(topic: string, partitions: number): Promise<void> {
    await this.connect();
    if (await this.topics.addPartitions(topic, partitions)) await this.renewProducer();
  }

  async inspect(topic: string): Promise<TopicState> {
    await this.connect();
    return this.topics.inspect(topic);
  }

  async lag(topic: string, group: string): Promise<GroupLag> {
    await this.connect();
    return this.topics.lag(topic, group);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    // Subscriptions commit what was acknowledged, then leave their groups; publishes in flight finish.
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    await Promise.allSettled([...this.publishes]);
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
