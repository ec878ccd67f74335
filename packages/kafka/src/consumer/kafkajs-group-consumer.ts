import type { Consumer, ConsumerConfig, Kafka } from "kafkajs";
import { protocolErrorType } from "../kafka-errors.js";
import type { GroupConsumer, GroupConsumerHandlers, GroupConsumerSettings } from "./group-consumer.js";

/** Errors of a commit made while the group rebalances: the records go to the next owner, at least once. */
const REBALANCE_ERRORS = new Set([
  "REBALANCE_IN_PROGRESS",
  "UNKNOWN_MEMBER_ID",
  "ILLEGAL_GENERATION",
  "NOT_COORDINATOR_FOR_GROUP",
  "COORDINATOR_NOT_AVAILABLE",
]);

/** The kafkajs consumer settings of a subscription; the yardstick's raw loop takes the same. */
export function kafkajsConsumerConfig(group: string): ConsumerConfig {
  return {
    groupId: group,
    // Short intervals so a joining or leaving member rebalances the group in about a second, not ten.
    sessionTimeout: 10_000,
    rebalanceTimeout: 20_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 500,
    // kafkajs' default is 5 minutes: partitions added to the topic would go unread that long.
    metadataMaxAge: 10_000,
    allowAutoTopicCreation: false,
  };
}

/** A kafkajs consumer in a consumer group, manual commits, positioned by seeks after each join (GROUP_JOIN). */
export class KafkajsGroupConsumer implements GroupConsumer {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly settings: GroupConsumerSettings,
  ) {
    this.consumer = kafka.consumer(kafkajsConsumerConfig(settings.group));
  }

  async start(handlers: GroupConsumerHandlers): Promise<void> {
    const { topic } = this.settings;
    // Called synchronously after each join; kafkajs does not wait for the positioning, so delivery of a
    // partition waits for its seek instead.
    this.consumer.on(this.consumer.events.GROUP_JOIN, (event) => {
      void handlers.assigned(event.payload.memberAssignment[topic] ?? []);
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      if (!event.payload.restart) handlers.failed(event.payload.error);
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [topic], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => handlers.eachBatch(payload),
    });
  }

  seek(partition: number, offset: number): void {
    this.consumer.seek({ topic: this.settings.topic, partition, offset: String(offset) });
  }

  commit(offsets: readonly (readonly [number, number])[]): Promise<void> {
    const { topic } = this.settings;
    return this.consumer.commitOffsets(
      offsets.map(([partition, offset]) => ({ topic, partition, offset: String(offset) })),
    );
  }

  lostOwnership(error: unknown, closing: boolean): boolean {
    const type = protocolErrorType(error);
    if (type !== undefined && REBALANCE_ERRORS.has(type)) return true;
    return closing && error instanceof Error && error.name === "KafkaJSNonRetriableError";
  }

  disconnect(): Promise<void> {
    return this.consumer.disconnect();
  }
}
