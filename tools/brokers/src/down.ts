import { BROKER_DEFINITIONS } from "./definitions/index.js";
import { composeRemove, readDockerRecord, writeDockerRecord } from "./docker.js";
import { type BrokerSettings, settingsFromEnv } from "./settings.js";

/** Stops the single nodes `up` started and nothing else; returns one line per broker. */
export async function down(
  settings: BrokerSettings = settingsFromEnv(),
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const lines: string[] = [];
  for (const definition of BROKER_DEFINITIONS) {
    const owner = await definition.ownership(settings);
    const { label } = definition;
    const address = definition.display(settings);
    const record = readDockerRecord(settings.stateDir);
    const entry = record[definition.name];
    if (owner.by === "brokerlab native") {
      log(`${label}: stopping pid ${owner.pids.join(", ")}…`);
      await definition.stopNative(settings);
      lines.push(`${label}: stopped (brokerlab native, ${address})`);
    } else if (entry) {
      await composeRemove(entry.services, entry.profile ? [entry.profile] : []);
      delete record[definition.name];
      writeDockerRecord(settings.stateDir, record);
      lines.push(`${label}: stopped (docker ${entry.services.join(" ")})`);
    } else {
      lines.push(`${label}: not started by brokerlab; left as it is (${address})`);
    }
  }
  return lines;
}
