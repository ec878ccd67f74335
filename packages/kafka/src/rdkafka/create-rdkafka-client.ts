import type { MessagingClient } from "@brokerlab/messaging";
import { kafkaCapabilitiesIn } from "../capabilities.js";
import { openKafkaClient } from "../kafka-client.js";
import type { KafkaClientOptions } from "../options.js";
import { KEYED_PARTITIONINGS } from "../producer-options.js";
import { RdkafkaGroupConsumer } from "./rdkafka-consumer.js";
import { RdkafkaPublisher } from "./rdkafka-publisher.js";

/**
 * A Kafka client (target `kafka-rdkafka`) that publishes and consumes through librdkafka, keyed records by the
 * Java client's partitioning. Its subscriptions are the kafkajs target's code (KafkaSubscription: prefetch, ack
 * tracking, start positions, redelivery, commits) on a librdkafka group consumer; topic administration,
 * inspection and lag are the shared kafkajs admin's (see KafkaClient).
 */
export function createRdkafkaClient(options: KafkaClientOptions): MessagingClient {
  return openKafkaClient(
    "kafka-rdkafka",
    kafkaCapabilitiesIn(options.deployment),
    options,
    (context) => new RdkafkaPublisher(context.topics, context.address, context.options),
    (context) => (settings) => new RdkafkaGroupConsumer(context.options, settings),
    KEYED_PARTITIONINGS,
  );
}
