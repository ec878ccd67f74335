import { type MessagingClient, UnsupportedCapabilityError } from "@brokerlab/messaging";

/** Copies on the three-node cluster: Kafka RF, quorum queue / stream members. */
export const CLUSTER_REPLICAS = 3;

/**
 * Creates `topic` with one copy per cluster node where the target takes a replication factor; a target that
 * refuses one (a classic queue, a Redis key: their server replicates as a whole) gets it without.
 */
export async function createReplicatedTopic(
  client: MessagingClient,
  topic: string,
  options: { partitions?: number } = {},
): Promise<void> {
  try {
    await client.createTopic(topic, { ...options, replicationFactor: CLUSTER_REPLICAS });
  } catch (error) {
    if (!(error instanceof UnsupportedCapabilityError && error.capability === "replicationFactor"))
      throw error;
    await client.createTopic(topic, options);
  }
}
