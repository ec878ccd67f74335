import type { BrokerDefinition, Ownership } from "./definitions/broker-definition.js";
import { readDockerRecord } from "./docker.js";
import type { BrokerSettings } from "./settings.js";

/** Who runs a single-node broker: brokerlab's native process, a container `up` created, or neither. */
export async function ownershipOf(
  definition: BrokerDefinition,
  settings: BrokerSettings,
): Promise<Ownership> {
  const native = await definition.ownership(settings);
  if (native.by) return native;
  return readDockerRecord(settings.stateDir)[definition.name]
    ? { by: "docker", pids: [], logFiles: [] }
    : native;
}
