import type { TargetDefinition } from "@brokerlab/messaging";
import { rabbitMqMemoryBreakdown } from "./bench/memory-breakdown.js";
import { perfTest, perfTestConsumer } from "./bench/perf-test.js";
import { rabbitMqCapacity } from "./bench/rabbitmq-capacity.js";
import { rabbitMqRawConsumer } from "./bench/raw-consumer.js";
import { rabbitMqRawPublisher } from "./bench/raw-publisher.js";
import { type RabbitMqTarget, rabbitMqCapabilities, rabbitMqCapabilitiesIn } from "./capabilities.js";
import { RabbitMqClient } from "./rabbitmq-client.js";
import { type RabbitMqSettings, rabbitMqSettings } from "./rabbitmq-settings.js";

function rabbitMqTarget(id: RabbitMqTarget, description: string): TargetDefinition<RabbitMqSettings> {
  return {
    id,
    broker: "rabbitmq",
    description,
    capabilities: rabbitMqCapabilities[id],
    capabilitiesIn: (deployment) => rabbitMqCapabilitiesIn(id, deployment),
    settings: rabbitMqSettings,
    createClient: (settings) => new RabbitMqClient(id, settings),
    bench: {
      rawPublisher: rabbitMqRawPublisher(id),
      rawConsumer: rabbitMqRawConsumer(id),
      nativeTool: perfTest(id),
      nativeConsumer: perfTestConsumer(id),
      brokerMemory: rabbitMqMemoryBreakdown,
      capacity: rabbitMqCapacity,
    },
  };
}

/** Every target this package implements, in the order tables show them. */
export const RABBITMQ_TARGET_DEFINITIONS: readonly TargetDefinition<RabbitMqSettings>[] = [
  rabbitMqTarget("rabbitmq-queue", "classic durable queue through amqplib: destructive read, ack removes"),
  rabbitMqTarget("rabbitmq-quorum", "quorum queue: Raft-replicated queue, delivery limit, dead-lettering"),
  rabbitMqTarget("rabbitmq-stream", "stream queue over AMQP 0.9.1: append-only log, x-stream-offset replay"),
];
