import type { ConnectionSource } from "@brokerlab/messaging";

/** Where the RabbitMQ broker is: what every RabbitMQ target connects with. */
export interface RabbitMqSettings {
  /** amqp:// or amqps:// URL with credentials and vhost. */
  readonly url: string;
}

const DEFAULT_URL = "amqp://guest:guest@127.0.0.1:5672";

/** BROKERLAB_RABBITMQ_URL (default amqp://guest:guest@127.0.0.1:5672). */
export function rabbitMqSettings(source: ConnectionSource): RabbitMqSettings {
  return { url: source.env.BROKERLAB_RABBITMQ_URL || DEFAULT_URL };
}
