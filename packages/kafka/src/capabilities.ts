import type { Capabilities, Deployment } from "@brokerlab/messaging";

/**
 * What Kafka does on one broker, as this adapter exposes it (the conformance suite checks each claim against a
 * real broker): acks 0 and 1 on RF 1; acks=all there would wait for the leader alone, so `replicated` is not
 * declared.
 */
export const kafkaCapabilities: Capabilities = {
  retainsAfterAck: true,
  replayFromPosition: true,
  replayFromTimestamp: true,
  consumerGroups: true,
  competingConsumers: true,
  ordering: "partition",
  redeliversUnacked: true,
  partitions: true,
  retention: ["time", "size"],
  durability: ["none", "leader"],
  deadLettering: false,
  startPositions: ["earliest", "latest", "committed", "position", "timestamp"],
};

/** On the cluster `replicated` is acks=all on RF 3 with min.insync.replicas 2: two copies acknowledged. */
export const kafkaClusterCapabilities: Capabilities = {
  ...kafkaCapabilities,
  durability: ["none", "leader", "replicated"],
};

export function kafkaCapabilitiesIn(deployment: Deployment = "single"): Capabilities {
  return deployment === "cluster" ? kafkaClusterCapabilities : kafkaCapabilities;
}
