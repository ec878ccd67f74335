import { InvalidArgumentError } from "./errors.js";
import type { ConnectionSource } from "./target-definition.js";

/**
 * Which brokers a run uses: `single` (one node per broker, the default) or `cluster` (the three-node
 * cluster `pnpm brokers up --cluster` starts). Each adapter reads its own addresses for the deployment.
 */
export type Deployment = "single" | "cluster";

export const DEPLOYMENTS: readonly Deployment[] = ["single", "cluster"];

/** BROKERLAB_DEPLOYMENT (default `single`); anything else is a one-line InvalidArgumentError. */
export function deploymentOf(source: ConnectionSource): Deployment {
  const value = source.env.BROKERLAB_DEPLOYMENT || "single";
  if (value !== "single" && value !== "cluster") {
    throw new InvalidArgumentError(`BROKERLAB_DEPLOYMENT="${value}" is not one of ${DEPLOYMENTS.join(", ")}`);
  }
  return value;
}

/** A comma-separated list from the environment, trimmed, empty items dropped; `fallback` when empty. */
export function listFromEnv(value: string | undefined, fallback: readonly string[]): string[] {
  const items = (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items : [...fallback];
}
