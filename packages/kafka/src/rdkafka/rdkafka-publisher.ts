import type { DurabilityLevel, MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import type { DeliveryReport, LibrdKafkaError, Metadata, Producer } from "@confluentinc/kafka-javascript";
import type { TopicAdmin } from "../admin/topic-admin.js";
import { missingTopic } from "../kafka-errors.js";
import type { KafkaClientOptions } from "../options.js";
import { InFlight } from "../producer/in-flight.js";
import type { KafkaPublisher, TopicChange } from "../producer/kafka-publisher.js";
import { UnkeyedPartitioner } from "../unkeyed-partitioner.js";
import { DeliveryIds, type IdRange } from "./delivery-ids.js";
import { PendingPublish } from "./pending-publish.js";
import { isQueueFull, publishFailure } from "./rdkafka-errors.js";
import { connectRdkafkaProducer, disconnectProducers } from "./rdkafka-producer.js";
import { asBuffer, toHeaders } from "./rdkafka-records.js";

/** Partition ids with a leader are looked up again after this long (librdkafka itself follows leaders). */
const ROUTE_MAX_AGE_MS = 10_000;
/** librdkafka's own default batch.size. */
const DEFAULT_BATCH_BYTES = 1_000_000;
/** Room for the record batch header that batch.size does not count exactly. */
const BATCH_OVERHEAD_BYTES = 512;
/** librdkafka's queue is full: the delivery thread needs a moment to drain it. */
const QUEUE_FULL_WAIT_MS = 2;

interface TopicRoute {
  /** Partition ids with a leader, for records without a key. */
  readonly candidates: readonly number[];
  readonly fetchedAt: number;
}

/**
 * Publishes through librdkafka (@confluentinc/kafka-javascript): `produce` only queues a record, librdkafka
 * batches per partition on its own threads (linger.ms, batch.size), and one delivery report per record settles
 * the publish it belongs to: no promise and no object per record (a record's opaque is a small integer id that
 * names its publish and its place in it, see DeliveryIds). Keyed records go by librdkafka's `murmur2_random`
 * partitioner, the Java client's hash; unkeyed ones as `unkeyedPartitioning` says (explicit partitions).
 * acks is a per-producer setting in librdkafka, so there is one producer per durability level, made on first use.
 */
export class RdkafkaPublisher implements KafkaPublisher {
  /** Per durability level and batch size (see batchBytes). */
  private readonly producers = new Map<string, Promise<Producer>>();
  /** Per topic, the bytes one librdkafka batch may carry; looked up once per topic. */
  private readonly batchLimits = new Map<string, Promise<number>>();
  private readonly routes = new Map<string, Promise<TopicRoute>>();
  /** Topics whose route is being looked up again: one lookup at a time, not one per publish meanwhile. */
  private readonly refreshing = new Set<string>();
  private readonly unkeyed: UnkeyedPartitioner;
  private readonly sends = new InFlight();
  /** The ids the records in flight carry to their delivery reports; one per publisher, as the handler is. */
  private readonly ids = new DeliveryIds<PendingPublish>();
  private readonly onDelivery = (error: LibrdKafkaError | null, report: DeliveryReport): void => {
    const id: unknown = report.opaque;
    if (typeof id !== "number") return;
    const block = this.ids.find(id);
    if (block === undefined) return;
    if (error) block.owner.failed(block.index(id), error);
    else block.owner.delivered(block.index(id), report.partition, report.offset);
  };

  constructor(
    private readonly topics: TopicAdmin,
    private readonly address: string,
    private readonly options: KafkaClientOptions,
  ) {
    this.unkeyed = new UnkeyedPartitioner(options.unkeyedPartitioning);
  }

  async connect(): Promise<void> {
    await this.producer(this.options.idempotent ? "replicated" : "leader", DEFAULT_BATCH_BYTES);
  }

  async send(
    topic: string,
    records: readonly MessageRecord[],
    level: DurabilityLevel,
  ): Promise<PublishReceipt[]> {
    return this.sends.track(this.produceAll(topic, records, level));
  }

  private async produceAll(
    topic: string,
    records: readonly MessageRecord[],
    level: DurabilityLevel,
  ): Promise<PublishReceipt[]> {
    const producer = await this.producer(level, await this.batchBytes(topic));
    const route = await this.route(topic, producer);
    const publish = new PendingPublish(records.length);
    const range = this.ids.reserve(publish, records.length);
    for (let index = 0; index < records.length; index++) {
      const record = records[index] as MessageRecord;
      const value = asBuffer(record.value);
      const key = record.key ?? null;
      const partition = key === null ? this.unkeyed.next(topic, route.candidates, value.byteLength) : -1;
      const headers = record.headers === undefined ? undefined : toHeaders(record.headers);
      const id = this.ids.id(range, index);
      for (;;) {
        try {
          producer.produce(topic, partition, value, key, record.timestamp ?? null, id, headers);
          break;
        } catch (error) {
          if (!isQueueFull(error)) {
            // The records queued so far are delivered (or fail) on their own; this one and the rest are not sent.
            publish.abandon(records.length - index, error);
            return this.settled(publish, range, topic);
          }
          await new Promise((resolve) => setTimeout(resolve, QUEUE_FULL_WAIT_MS));
        }
      }
    }
    return this.settled(publish, range, topic);
  }

  /** The publish's receipts once every record is reported; its ids are free again then. */
  private async settled(publish: PendingPublish, range: IdRange, topic: string): Promise<PublishReceipt[]> {
    try {
      return await publish.done;
    } catch (error) {
      throw await publishFailure(error, topic, this.address, this.topics);
    } finally {
      this.ids.release(range);
    }
  }

  private producer(level: DurabilityLevel, batchBytes: number): Promise<Producer> {
    const id = `${level}/${batchBytes}`;
    let producer = this.producers.get(id);
    if (!producer) {
      producer = connectRdkafkaProducer(this.options, level, this.onDelivery, batchBytes);
      producer.catch(() => this.producers.delete(id));
      this.producers.set(id, producer);
    }
    return producer;
  }

  /**
   * librdkafka fills batches up to batch.size, but Kafka refuses a batch bigger than the topic's
   * `max.message.bytes` or `segment.bytes` (small segments are how retention demos expire data quickly): such a
   * topic gets a producer with batches that fit.
   */
  private batchBytes(topic: string): Promise<number> {
    let limit = this.batchLimits.get(topic);
    if (!limit) {
      limit = this.topics.batchLimit(topic).then(
        (bytes) => Math.max(1024, Math.min(DEFAULT_BATCH_BYTES, bytes - BATCH_OVERHEAD_BYTES)),
        () => DEFAULT_BATCH_BYTES,
      );
      this.batchLimits.set(topic, limit);
    }
    return limit;
  }

  /** The topic's partitions with a leader, looked up once and refreshed in the background when old. */
  private route(topic: string, producer: Producer): Promise<TopicRoute> {
    const cached = this.routes.get(topic);
    if (cached) {
      void cached.then(
        (route) => {
          if (Date.now() - route.fetchedAt > ROUTE_MAX_AGE_MS && this.routes.get(topic) === cached)
            this.refreshRoute(topic, producer, cached);
        },
        () => {},
      );
      return cached;
    }
    const loading = this.loadRoute(topic, producer);
    loading.catch(() => this.routes.delete(topic));
    this.routes.set(topic, loading);
    return loading;
  }

  private refreshRoute(topic: string, producer: Producer, current: Promise<TopicRoute>): void {
    if (this.refreshing.has(topic)) return;
    this.refreshing.add(topic);
    this.loadRoute(topic, producer)
      .then(
        (route) => {
          if (this.routes.get(topic) === current) this.routes.set(topic, Promise.resolve(route));
        },
        () => {},
      )
      .finally(() => this.refreshing.delete(topic));
  }

  private async loadRoute(topic: string, producer: Producer): Promise<TopicRoute> {
    const metadata = await new Promise<Metadata>((resolve, reject) =>
      producer.getMetadata({ topic, timeout: 10_000 }, (error, data) =>
        error ? reject(error) : resolve(data),
      ),
    );
    const partitions = metadata.topics.find((entry) => entry.name === topic)?.partitions ?? [];
    if (partitions.length === 0) {
      if (!(await this.topics.exists(topic))) throw missingTopic(topic, this.address);
      throw new Error(`Kafka reported no partitions for topic "${topic}"`);
    }
    const led = partitions.filter((partition) => partition.leader >= 0);
    const candidates = (led.length > 0 ? led : partitions)
      .map((partition) => partition.id)
      .sort((a, b) => a - b);
    return { candidates, fetchedAt: Date.now() };
  }

  async topicChanged(topic: string, change: TopicChange): Promise<void> {
    this.routes.delete(topic);
    this.batchLimits.delete(topic);
    // librdkafka refreshes topic metadata every 5 minutes: until then, it would hash the keys of a grown topic
    // over the old partition count. Fresh producers see the new count at once; the old ones finish first.
    if (change === "grown") await this.renewProducers();
  }

  private async renewProducers(): Promise<void> {
    const old = [...this.producers.values()];
    this.producers.clear();
    await this.sends.settled();
    await disconnectProducers(old);
  }

  async close(): Promise<void> {
    await this.sends.settled();
    const producers = [...this.producers.values()];
    this.producers.clear();
    await disconnectProducers(producers);
  }
}
