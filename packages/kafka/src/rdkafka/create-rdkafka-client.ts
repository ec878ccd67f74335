import type { MessagingClient } from "@brokerlab/messaging";
import { kafkaCapabilitiesIn } from "../capabilities.js";
import { openKafkaClient } from "../kafka-client.js";
import type { KafkaClientOptions } from "../options.js";
import { KEYED_PARTITIONINGS } from "../producer-options.js";
import { RdkafkaPublisher } from "./rdkafka-publisher.js";

/**
 * A Kafka client (target `kafka-rdkafka`) that publishes through librdkafka with the Java client's
 * partitioning. Topic administration and subscriptions are the kafkajs target's (the same code, see
 * KafkaClient), so the two targets differ in their publish path only.
 */
export function createRdkafkaClient(options: KafkaClientOptions): MessagingClient {
  return openKafkaClient(
    "kafka-rdkafka",
    kafkaCapabilitiesIn(options.deployment),
    options,
    (context) => new RdkafkaPublisher(context.topics, context.address, context.options),
    KEYED_PARTITIONINGS,
  );
}
