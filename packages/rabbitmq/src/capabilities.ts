import type { Capabilities } from "@brokerlab/messaging";

export type RabbitMqTarget = "rabbitmq-queue" | "rabbitmq-quorum" | "rabbitmq-stream";

export const RABBITMQ_TARGETS: readonly RabbitMqTarget[] = [
  "rabbitmq-queue",
  "rabbitmq-quorum",
  "rabbitmq-stream",
];

/** A classic queue: destructive read, one queue is one group. */
const classicQueue: Capabilities = {
  retainsAfterAck: false,
  replayFromPosition: false,
  replayFromTimestamp: false,
  // One queue is one group: every consumer of the queue competes for the same records.
  consumerGroups: false,
  competingConsumers: true,
  ordering: "queue",
  redeliversUnacked: true,
  partitions: false,
  // x-message-ttl, x-max-length, x-max-length-bytes (overflow drop-head drops the oldest).
  retention: ["time", "count", "size"],
  // No confirms, or a confirm from the one node that holds a classic queue.
  durability: ["none", "leader"],
  deadLettering: true,
  // A queue always hands out from its head: what is there has not been acknowledged yet.
  startPositions: ["committed"],
};

/** What each RabbitMQ queue type really does over AMQP 0.9.1 (RabbitMQ 3.10+), checked by the conformance suite. */
export const rabbitMqCapabilities: Record<RabbitMqTarget, Capabilities> = {
  "rabbitmq-queue": classicQueue,
  // A quorum queue behaves as a classic one (message TTL included, since RabbitMQ 3.10) except for confirms:
  // it confirms only once a Raft majority of its members has the record, which is "replicated"; there is no
  // weaker leader-only confirm, so "leader" is not declared.
  "rabbitmq-quorum": { ...classicQueue, durability: ["none", "replicated"] },
  "rabbitmq-stream": {
    retainsAfterAck: true,
    replayFromPosition: true,
    replayFromTimestamp: true,
    // Every consumer reads the whole stream on its own; over AMQP the broker never splits a stream.
    consumerGroups: true,
    competingConsumers: false,
    ordering: "queue",
    // A stream never redelivers: acks only grant credit, and nack is refused by the broker.
    redeliversUnacked: false,
    partitions: false,
    // x-max-age, x-max-length-bytes (whole segments are dropped, so x-stream-max-segment-size-bytes matters).
    retention: ["time", "size"],
    // Stream confirms, like quorum ones, come after a majority of replicas wrote the record.
    durability: ["none", "replicated"],
    deadLettering: false,
    // No "committed": server-side offset tracking is a stream-protocol feature, not available over AMQP.
    startPositions: ["earliest", "latest", "position", "timestamp"],
  },
};

export function isRabbitMqTarget(value: string): value is RabbitMqTarget {
  return (RABBITMQ_TARGETS as readonly string[]).includes(value);
}
