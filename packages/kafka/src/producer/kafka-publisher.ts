import type { DurabilityLevel, MessageRecord, PublishReceipt } from "@brokerlab/messaging";

/**
 * The publishing half of a Kafka client: the one part the two Kafka targets (kafkajs, librdkafka) do
 * differently. Topic administration and subscriptions are shared (see KafkaClient).
 */
export interface KafkaPublisher {
  connect(): Promise<void>;
  /** Receipts in record order; rejects with a brokerlab error where the cause is known. */
  send(topic: string, records: readonly MessageRecord[], level: DurabilityLevel): Promise<PublishReceipt[]>;
  /** The topic was created, deleted or grew: whatever the publisher cached about it is stale. */
  topicChanged(topic: string, change: TopicChange): Promise<void>;
  /** Sends what is in flight, then disconnects. */
  close(): Promise<void>;
}

export type TopicChange = "created" | "deleted" | "grown";
