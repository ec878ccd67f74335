import { randomBytes } from "node:crypto";
import { addressOf, type KafkaClientOptions, kafkaConfig } from "@brokerlab/kafka";
import { type Admin, type Consumer, Kafka } from "kafkajs";
import type { Collector, CommitSink, Poll, TopicReading } from "../model.js";
import { decodeOffsetsTopicRecord, OffsetsTopicDecodeError } from "./offsets-topic-codec.js";

const OFFSETS_TOPIC = "__consumer_offsets";

/**
 * Kafka as Burrow reads it: log-end offsets of every topic by polling, and every group's commits, with the time
 * each was made, by consuming `__consumer_offsets` from its start. The consumer joins a group of its own
 * (`brokerlab-monitor-…`, kafkajs cannot read without one) and never commits, so that group has no offsets
 * and never shows up as a consumer.
 */
export class KafkaCollector implements Collector {
  readonly broker = "kafka";
  readonly addresses: readonly string[];
  private readonly kafka: Kafka;
  private admin: Admin | undefined;
  private consumer: Consumer | undefined;
  /** Highest `__consumer_offsets` offset handled per partition: a restarted consumer re-reads from the start. */
  private readonly handled = new Map<number, number>();
  private readonly lastReadings = new Map<string, TopicReading>();
  readonly monitorGroup = `brokerlab-monitor-${randomBytes(4).toString("hex")}`;

  constructor(
    readonly cluster: string,
    options: KafkaClientOptions,
    private readonly onDecodeError: (message: string) => void = () => {},
  ) {
    this.addresses = addressOf(options).split(",");
    this.kafka = new Kafka({ ...kafkaConfig(options), clientId: "brokerlab-monitor" });
  }

  async poll(): Promise<Poll> {
    try {
      const admin = await this.connectedAdmin();
      let failed = false;
      const names = (await admin.listTopics()).filter((topic) => !topic.startsWith("__")).sort();
      const topics = (
        await Promise.all(
          names.map(async (topic) => {
            try {
              const offsets = await admin.fetchTopicOffsets(topic);
              const logEnds: number[] = [];
              for (const { partition, high } of offsets) logEnds[partition] = Number(high);
              const reading = { topic, kind: "kafka", logEnds };
              this.lastReadings.set(topic, reading);
              return [reading];
            } catch {
              // One topic failing (deleted since the listing, leader moving) is not the broker failing: the last
              // reading stands in, so the groups on it keep their windows. kafkajs then keeps asking metadata
              // for the deleted topic and fails every topic after it, so the next poll takes a fresh admin.
              failed = true;
              const last = this.lastReadings.get(topic);
              return last ? [last] : [];
            }
          }),
        )
      ).flat();
      for (const topic of this.lastReadings.keys())
        if (!names.includes(topic)) this.lastReadings.delete(topic);
      if (failed) await this.dropAdmin();
      return {
        topics,
        positions: [],
        queues: [],
        unsupported: [],
        source: `${OFFSETS_TOPIC} and ListOffsets`,
      };
    } catch (error) {
      // A fresh admin next time: kafkajs may keep a broken connection around.
      await this.dropAdmin();
      throw error;
    }
  }

  async start(sink: CommitSink): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.monitorGroup, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: OFFSETS_TOPIC, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const order = Number(message.offset);
        if (order <= (this.handled.get(partition) ?? -1)) return;
        this.handled.set(partition, order);
        try {
          const record = decodeOffsetsTopicRecord(message.key, message.value);
          if (record.type === "commit") {
            sink.commit({
              group: record.group,
              topic: record.topic,
              partition: record.partition,
              offset: record.offset,
              timestamp: record.commitTimestamp,
              order,
            });
          } else if (record.type === "deleted") {
            sink.deleted(record.group, record.topic, record.partition);
          }
        } catch (error) {
          if (!(error instanceof OffsetsTopicDecodeError)) throw error;
          this.onDecodeError(`${OFFSETS_TOPIC} partition ${partition} offset ${order}: ${error.message}`);
        }
      },
    });
  }

  async caughtUp(): Promise<boolean> {
    if (!this.consumer) return false;
    const offsets = await (await this.connectedAdmin()).fetchTopicOffsets(OFFSETS_TOPIC);
    return offsets.every(
      ({ partition, low, high }) =>
        Number(high) <= Number(low) || (this.handled.get(partition) ?? -1) >= Number(high) - 1,
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.consumer?.disconnect(), this.admin?.disconnect()].map((p) => p?.catch(() => {})));
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => {});
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}
