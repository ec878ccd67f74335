import { KafkaCollector } from "./collectors/kafka-collector.js";
import { RabbitMqCollector } from "./collectors/rabbitmq-collector.js";
import { RedisCollector } from "./collectors/redis-collector.js";
import type { ClusterConfig } from "./config.js";
import type { Collector } from "./model.js";

export function createCollector(config: ClusterConfig, onWarning: (line: string) => void): Collector {
  switch (config.broker) {
    case "kafka":
      return new KafkaCollector(
        config.name,
        {
          brokers: config.brokers,
          ...(config.ssl ? { ssl: true } : {}),
          ...(config.sasl ? { sasl: config.sasl } : {}),
        },
        onWarning,
      );
    case "rabbitmq":
      return new RabbitMqCollector(config.name, {
        url: config.url,
        ...(config.management ? { managementUrl: config.management } : {}),
        ...(config.queues ? { queues: config.queues } : {}),
      });
    case "redis":
      return new RedisCollector(config.name, {
        url: config.url,
        ...(config.keyPrefix ? { keyPrefix: config.keyPrefix } : {}),
        ...(config.sentinels ? { sentinels: config.sentinels } : {}),
        ...(config.master ? { master: config.master } : {}),
      });
  }
}
