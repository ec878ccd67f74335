import { brokerDefinition, destinationLeader, ensureCluster, fault } from "@brokerlab/brokers";
import type { FailoverCluster } from "./failover-cluster.js";

/** How long a broker may take to serve again on all three nodes after a fault was undone. */
const HEALTHY_WAIT_MS = 90_000;

/** The cluster that `pnpm brokers up --cluster` runs, through the @brokerlab/brokers library. */
export function brokersCluster(log: (line: string) => void): FailoverCluster {
  return {
    leader: (broker, topic) => destinationLeader(broker, topic),
    act: async (action, node) => {
      log(await fault(action, node));
    },
    waitHealthy: async (broker) => {
      await ensureCluster({ only: [brokerDefinition(broker).name], log, waitMs: HEALTHY_WAIT_MS });
    },
  };
}

/** Brings the brokers' clusters up where they are not (idempotent, bounded) and returns their controls. */
export async function clusterUp(
  brokers: readonly string[],
  log: (line: string) => void,
): Promise<FailoverCluster> {
  await ensureCluster({ only: brokers.map((broker) => brokerDefinition(broker).name), log });
  return brokersCluster(log);
}
