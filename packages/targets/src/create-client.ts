import { createKafkaClient, kafkaCapabilities } from "@brokerlab/kafka";
import {
  type Capabilities,
  InvalidArgumentError,
  isTargetId,
  type MessagingClient,
  TARGET_IDS,
  type TargetId,
} from "@brokerlab/messaging";
import { createRabbitMqClient, rabbitMqCapabilities } from "@brokerlab/rabbitmq";
import { createRedisClient, redisCapabilities } from "@brokerlab/redis";
import { type ConnectionSettings, settingsFromEnv } from "./connection-settings.js";

/** A client for `target`, not yet connected. Settings default to the environment (see README). */
export function createClient(
  target: TargetId,
  settings: ConnectionSettings = settingsFromEnv(),
): MessagingClient {
  switch (target) {
    case "kafka":
      return createKafkaClient({
        brokers: settings.kafkaBrokers,
        ssl: settings.kafkaSsl,
        ...(settings.kafkaSasl ? { sasl: settings.kafkaSasl } : {}),
        ...settings.kafkaProducer,
      });
    case "rabbitmq-queue":
    case "rabbitmq-quorum":
    case "rabbitmq-stream":
      return createRabbitMqClient(target, { url: settings.rabbitmqUrl });
    case "redis-list":
    case "redis-stream":
    case "bullmq":
      return createRedisClient(target, { url: settings.redisUrl });
  }
}

/** Declared capabilities, without connecting. */
export function capabilitiesOf(target: TargetId): Capabilities {
  if (target === "kafka") return kafkaCapabilities;
  if (target.startsWith("rabbitmq")) return rabbitMqCapabilities[target as keyof typeof rabbitMqCapabilities];
  return redisCapabilities[target as keyof typeof redisCapabilities];
}

/** Parses a `--targets a,b` list; an unknown id is a one-line error naming the valid ones. */
export function parseTargets(list: string | undefined): TargetId[] {
  if (list === undefined || list.trim() === "" || list.trim() === "all") return [...TARGET_IDS];
  const targets = list.split(",").map((item) => item.trim());
  for (const target of targets) {
    if (!isTargetId(target)) {
      throw new InvalidArgumentError(`unknown target "${target}"; valid targets: ${TARGET_IDS.join(", ")}`);
    }
  }
  return [...new Set(targets)] as TargetId[];
}
