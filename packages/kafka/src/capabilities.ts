import type { Capabilities } from "@brokerlab/messaging";

/** What Kafka does, as this adapter exposes it (the conformance suite checks each claim against a real broker). */
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
  durability: ["none", "leader", "replicated"],
  deadLettering: false,
  startPositions: ["earliest", "latest", "committed", "position", "timestamp"],
};
