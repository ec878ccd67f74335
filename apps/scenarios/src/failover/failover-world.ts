import type { MessagingClient, TargetId } from "@brokerlab/messaging";
import { brokerOf, connectionSource, parseTargets, TARGET_IDS, targetDefinition } from "@brokerlab/targets";
import { clusterUp } from "./brokers-cluster.js";
import type { FailoverWorld } from "./failover-command.js";

/** Clients on the cluster: the deployment switch every target's settings read. */
const clusterSource = () => connectionSource({ ...process.env, BROKERLAB_DEPLOYMENT: "cluster" });

function clusterClient(target: TargetId, idempotent: boolean): MessagingClient {
  const definition = targetDefinition(target);
  const settings = definition.settings(clusterSource());
  const idempotentSettings = idempotent ? definition.idempotentSettings?.(settings) : undefined;
  return definition.createClient(idempotentSettings ?? settings);
}

/** The real world of `pnpm scenario failover`: the targets' own definitions and the cluster of `pnpm brokers`. */
export function failoverWorld(): FailoverWorld {
  return {
    targetIds: TARGET_IDS,
    parseTargets,
    brokerOf,
    levelsOf: (target) => clusterClient(target, false).capabilities.durability,
    hasIdempotentProducer: (target) => targetDefinition(target).idempotentSettings !== undefined,
    cluster: clusterUp,
    createClient: (spec) => clusterClient(spec.target, spec.idempotent),
  };
}
