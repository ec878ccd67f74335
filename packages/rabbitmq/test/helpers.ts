import { numberedRecords, useClient } from "@brokerlab/testing";
import {
  createRabbitMqClient,
  type RabbitMqClient,
  type RabbitMqClientOptions,
  type RabbitMqTarget,
} from "../src/index.js";

/** The shared RabbitMQ every test uses (never restarted by tests). */
export const SHARED_URL = process.env.BROKERLAB_RABBITMQ_URL || "amqp://guest:guest@127.0.0.1:5672";

/** A connected client on the shared broker, closed when the test finishes. */
export function rabbitClient(
  target: RabbitMqTarget,
  options: Partial<RabbitMqClientOptions> = {},
): Promise<RabbitMqClient> {
  return useClient(() => createRabbitMqClient(target, { url: SHARED_URL, ...options }));
}

/** Records numbered from `from` in header n, spelled key "k<n>" and value "r<n>" as these tests expect. */
export function records(count: number, from = 0) {
  return numberedRecords(count, { from, keyOf: (n) => `k${n}`, textOf: (n) => `r${n}` });
}
