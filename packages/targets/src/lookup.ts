import {
  type Capabilities,
  type ConnectionSource,
  deploymentOf,
  InvalidArgumentError,
  type MessagingClient,
  type TargetDefinition,
  type TargetId,
} from "@brokerlab/messaging";
import { TARGETS } from "./targets.js";

/** All target ids, in table order. */
export const TARGET_IDS: readonly TargetId[] = TARGETS.map((target) => target.id);

const BY_ID = new Map(TARGETS.map((target) => [target.id, target]));

export function isTargetId(value: string): boolean {
  return BY_ID.has(value);
}

/** The definition of `id`; an unknown id is a one-line InvalidArgumentError naming the valid ones. */
export function targetDefinition(id: TargetId): TargetDefinition {
  const definition = BY_ID.get(id);
  if (definition === undefined) {
    throw new InvalidArgumentError(`unknown target "${id}"; valid targets: ${TARGET_IDS.join(", ")}`);
  }
  return definition;
}

/** Declared capabilities on the source's deployment (BROKERLAB_DEPLOYMENT, default single), without connecting. */
export function capabilitiesOf(id: TargetId, source: ConnectionSource = connectionSource()): Capabilities {
  return targetDefinition(id).capabilitiesIn(deploymentOf(source));
}

/** The broker `id` runs on ("kafka", "rabbitmq", "redis"). */
export function brokerOf(id: TargetId): string {
  return targetDefinition(id).broker;
}

/** The process's own connection source: BROKERLAB_* environment variables (see README). */
export function connectionSource(env: ConnectionSource["env"] = process.env): ConnectionSource {
  return { env };
}

/**
 * Reads the settings of each target in `targets`, so a bad BROKERLAB_* value (a port that is no number, an unknown
 * SASL mechanism) is refused before any work starts; the first bad one throws its one-line
 * InvalidArgumentError. Only the targets given are read: a variable of a broker the run does not use never
 * fails it.
 */
export function checkSettings(
  targets: readonly TargetId[],
  source: ConnectionSource = connectionSource(),
): void {
  for (const target of targets) targetDefinition(target).settings(source);
}

/** A client for `id`, not yet connected, with its broker's settings read from `source`. */
export function createClient(id: TargetId, source: ConnectionSource = connectionSource()): MessagingClient {
  const definition = targetDefinition(id);
  return definition.createClient(definition.settings(source));
}

/**
 * Parses a `--targets a,b` list (default all); an unknown id is a one-line error naming the valid ones,
 * worded by `unknown` when the command speaks another language.
 */
export function parseTargets(
  list: string | undefined,
  unknown?: (target: string, valid: readonly TargetId[]) => string,
): TargetId[] {
  if (list === undefined || list.trim() === "" || list.trim() === "all") return [...TARGET_IDS];
  const targets = list.split(",").map((item) => item.trim());
  for (const target of targets) {
    if (unknown && !isTargetId(target)) throw new InvalidArgumentError(unknown(target, TARGET_IDS));
    targetDefinition(target);
  }
  return [...new Set(targets)];
}
