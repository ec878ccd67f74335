import type { DurabilityLevel, MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import type { Kafka, Message, Producer } from "kafkajs";
import type { TopicAdmin } from "../admin/topic-admin.js";
import {
  connectionFailure,
  isConnectionLoss,
  missingTopic,
  protocolErrorType,
  tooLarge,
} from "../kafka-errors.js";
import { javaCompatiblePartitioner } from "../partitioner.js";
import { ACKS, type KafkaProducerOptions } from "../producer-options.js";
import { chunkByBytes, receiptsFor, toKafkaMessage } from "../records.js";
import { InFlight } from "./in-flight.js";
import type { KafkaPublisher, TopicChange } from "./kafka-publisher.js";
import { SerialSends } from "./serial-sends.js";

/** Sends stay below Kafka's default 1 MB batch limit, also on topics this client did not create. */
const MAX_SEND_BYTES = 900_000;
/** Room for the record batch header and per-record framing that chunkByBytes only estimates. */
const BATCH_OVERHEAD_BYTES = 256;
/** With the cluster's retry settings (100 ms doubling to at most 2 s), about a minute of retries. */
const IDEMPOTENT_RETRIES = 30;

/** Publishes through a kafkajs producer, with the Java client's partitioning. */
export class KafkajsPublisher implements KafkaPublisher {
  private producer: Producer;
  /**
   * The partition the partitioner chose for each message of a send, read back (and removed) for receipts.
   * A Map with explicit deletes: weak entries cost the garbage collector more, per message.
   */
  private readonly assigned = new Map<Message, number>();
  private readonly sends = new InFlight();
  /** Per topic, the bytes one send may carry (see TopicAdmin.batchLimit); looked up once per topic. */
  private readonly sendLimits = new Map<string, Promise<number>>();
  /** The idempotent producer's sends, one at a time (see SerialSends for why kafkajs needs it). */
  private readonly serial = new SerialSends(
    (topic, records, acks) => this.sendChunks(topic, records, acks),
    (topic) => this.sendLimit(topic),
  );

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: TopicAdmin,
    private readonly address: string,
    private readonly options: KafkaProducerOptions,
  ) {
    this.producer = this.createProducer();
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
      // kafkajs' sequence numbers go wrong with concurrent requests to one partition (OUT_OF_ORDER_SEQUENCE_NUMBER);
      // this bounds requests per broker, and SerialSends keeps sends one at a time across a leader change.
      maxInFlightRequests: 1,
      // kafkajs would retry forever; about a minute of retries bounds a publish while a partition has no leader.
      retry: { retries: IDEMPOTENT_RETRIES },
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(
    topic: string,
    records: readonly MessageRecord[],
    level: DurabilityLevel,
  ): Promise<PublishReceipt[]> {
    const acks = ACKS[level];
    return this.sends.track(
      this.options.idempotent
        ? this.serial.send(topic, records, acks)
        : this.sendChunks(topic, records, acks),
    );
  }

  private async sendChunks(
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
          if (protocolErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION")
            throw missingTopic(topic, this.address);
          return MAX_SEND_BYTES;
        },
      );
      this.sendLimits.set(topic, limit);
    }
    return limit;
  }

  private async publishFailure(topic: string, error: unknown): Promise<unknown> {
    const type = protocolErrorType(error);
    if (type === "MESSAGE_TOO_LARGE" || type === "RECORD_LIST_TOO_LARGE") return tooLarge(topic);
    if (isConnectionLoss(error)) return connectionFailure(this.address, error);
    if (type === "UNKNOWN_TOPIC_OR_PARTITION" && !(await this.topics.exists(topic).catch(() => true))) {
      return missingTopic(topic, this.address);
    }
    return error;
  }

  async topicChanged(topic: string, change: TopicChange): Promise<void> {
    // A kafkajs producer refreshes metadata for every topic it ever sent to, and one deleted topic fails that
    // refresh for all; and it keeps metadata for minutes, so a grown topic's keys would still be hashed over
    // the old count. Either way a producer that knew the topic is replaced.
    const knewTopic = this.sendLimits.delete(topic);
    if (change === "grown" || (change === "deleted" && knewTopic)) await this.renewProducer();
  }

  /** A fresh producer sees current metadata at once; the old one finishes what it is sending, then disconnects. */
  private async renewProducer(): Promise<void> {
    const fresh = this.createProducer();
    await fresh.connect();
    const old = this.producer;
    this.producer = fresh;
    await this.sends.settled();
    await old.disconnect().catch(() => {});
  }

  async close(): Promise<void> {
    await this.sends.settled();
    await this.producer.disconnect();
  }
}
