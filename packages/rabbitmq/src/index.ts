import type { RabbitMqTarget } from "./capabilities.js";
import { RabbitMqClient, type RabbitMqClientOptions } from "./rabbitmq-client.js";

export { DEFAULT_RECONNECT, type ReconnectOptions } from "./backoff.js";
export { brokerAddress } from "./broker-address.js";
export {
  isRabbitMqTarget,
  RABBITMQ_TARGETS,
  type RabbitMqTarget,
  rabbitMqCapabilities,
  rabbitMqCapabilitiesIn,
} from "./capabilities.js";
export { queueArguments, targetForQueueType } from "./queue-arguments.js";
export { RabbitMqClient, type RabbitMqClientOptions } from "./rabbitmq-client.js";
export { type RabbitMqSettings, rabbitMqSettings } from "./rabbitmq-settings.js";
export { RABBITMQ_TARGET_DEFINITIONS } from "./rabbitmq-targets.js";

/** A client for one RabbitMQ target (a MessagingClient), not yet connected: call `connect()`. */
export function createRabbitMqClient(target: RabbitMqTarget, options: RabbitMqClientOptions): RabbitMqClient {
  return new RabbitMqClient(target, options);
}
