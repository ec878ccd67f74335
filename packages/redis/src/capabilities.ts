import type { Capabilities, Deployment } from "@brokerlab/messaging";

export type RedisTarget = "redis-list" | "redis-stream" | "bullmq";

export const REDIS_TARGETS: readonly RedisTarget[] = ["redis-list", "redis-stream", "bullmq"];

/**
 * Durability on one Redis node: `leader` = Redis replied, so the write is in the primary's memory (on disk
 * only with AOF/RDB, which is server configuration, not a per-publish choice). `none` = publish does not wait
 * for any reply, like Kafka acks=0: the commands are queued on the connection and a failure goes unnoticed.
 * `replicated` is WAIT for a replica, which only the cluster has (see redisCapabilitiesIn).
 */
export const redisCapabilities: Record<RedisTarget, Capabilities> = {
  "redis-list": {
    retainsAfterAck: false,
    replayFromPosition: false,
    replayFromTimestamp: false,
    consumerGroups: false,
    competingConsumers: true,
    ordering: "queue",
    redeliversUnacked: true,
    partitions: false,
    // LTRIM after every publish when the topic has retention.maxCount.
    retention: ["count"],
    durability: ["none", "leader"],
    deadLettering: false,
    startPositions: ["committed"],
  },
  "redis-stream": {
    retainsAfterAck: true,
    replayFromPosition: true,
    replayFromTimestamp: true,
    consumerGroups: true,
    competingConsumers: true,
    ordering: "queue",
    redeliversUnacked: true,
    partitions: false,
    // XTRIM MAXLEN / MINID after every publish.
    retention: ["count", "time"],
    durability: ["none", "leader"],
    deadLettering: false,
    startPositions: ["earliest", "latest", "committed", "position", "timestamp"],
  },
  bullmq: {
    retainsAfterAck: false,
    replayFromPosition: false,
    replayFromTimestamp: false,
    consumerGroups: false,
    competingConsumers: true,
    // A worker runs up to `prefetch` jobs at once and a retried job goes to the back of the wait list.
    ordering: "none",
    redeliversUnacked: true,
    partitions: false,
    // removeOnComplete/removeOnFail trim the completed/failed history, never jobs still waiting.
    retention: [],
    durability: ["leader"],
    // The failed set keeps rejected jobs for inspection, but it is no topic a consumer can read.
    deadLettering: false,
    startPositions: ["committed"],
  },
};

/**
 * On the cluster (a primary and two replicas) the list and stream publish WAIT 1 after the write: at least
 * one replica has it. BullMQ adds jobs on connections of its own, which the adapter cannot WAIT on, so it
 * stays at `leader`.
 */
export function redisCapabilitiesIn(target: RedisTarget, deployment: Deployment = "single"): Capabilities {
  const single = redisCapabilities[target];
  if (deployment === "single" || target === "bullmq") return single;
  return { ...single, durability: ["none", "leader", "replicated"] };
}
