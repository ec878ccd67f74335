import type { Capabilities, Deployment } from "@brokerlab/messaging";

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

/**
 * What each RabbitMQ queue type really does over AMQP 0.9.1 (RabbitMQ 3.10+) on a single node, checked by the
 * conformance suite. A quorum queue or stream there is a one-member group: its confirm is that member's own
 * write, so it is "leader" (a Raft majority of one replicates nothing).
 */
export const rabbitMqCapabilities: Record<RabbitMqTarget, Capabilities> = {
  "rabbitmq-queue": classicQueue,
  // A quorum queue behaves as a classic one (message TTL included, since RabbitMQ 3.10) except for confirms:
  // it confirms once a Raft majority of its members has the record.
  "rabbitmq-quorum": classicQueue,
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
    durability: ["none", "leader"],
    deadLettering: false,
    // No "committed": server-side offset tracking is a stream-protocol feature, not available over AMQP.
    startPositions: ["earliest", "latest", "position", "timestamp"],
  },
};

/**
 * On the cluster a quorum queue or stream has three members and confirms after a majority (two) stored the
 * record: "replicated", with no weaker leader-only confirm. A classic queue still lives on one node.
 */
const replicatedOnCluster: Record<RabbitMqTarget, boolean> = {
  "rabbitmq-queue": false,
  "rabbitmq-quorum": true,
  "rabbitmq-stream": true,
};

export function rabbitMqCapabilitiesIn(
  target: RabbitMqTarget,
  deployment: Deployment = "single",
): Capabilities {
  const single = rabbitMqCapabilities[target];
  if (deployment === "single" || !replicatedOnCluster[target]) return single;
  return { ...single, durability: ["none", "replicated"] };
}

export function isRabbitMqTarget(value: string): value is RabbitMqTarget {
  return (RABBITMQ_TARGETS as readonly string[]).includes(value);
}
