import type { Capabilities } from "./capabilities.js";
import type { DurabilityLevel } from "./durability.js";
import { UnsupportedCapabilityError } from "./errors.js";
import type { StartPosition } from "./start-position.js";
import type { TargetId } from "./targets.js";

interface Declared {
  readonly target: TargetId;
  readonly capabilities: Capabilities;
}

/** Throws the typed error when a subscription asks for a start position the target does not declare. */
export function requireStartPosition(declared: Declared, from: StartPosition, reason: string): void {
  if (!declared.capabilities.startPositions.includes(from.kind)) {
    throw new UnsupportedCapabilityError(declared.target, `start position "${from.kind}"`, reason);
  }
}

/** Throws the typed error when a publish asks for a durability level the target does not have. */
export function requireDurability(declared: Declared, level: DurabilityLevel, reason: string): void {
  if (!declared.capabilities.durability.includes(level)) {
    throw new UnsupportedCapabilityError(declared.target, `durability "${level}"`, reason);
  }
}

/**
 * The reason a single node refuses `replicated` ("at least two copies acknowledged"): `why` says what the
 * one node lacks; the rest says where the copies are.
 */
export function replicatedNeedsCluster(why: string): string {
  return `${why}; replicated needs the cluster: pnpm brokers up --cluster, then --cluster or BROKERLAB_DEPLOYMENT=cluster`;
}
