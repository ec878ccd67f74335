import { BROKER_DEFINITIONS } from "./definitions/index.js";
import { composeRemove, readDockerRecord, writeDockerRecord } from "./docker.js";
import { brokersText } from "./i18n/index.js";
import { type BrokerSettings, settingsFromEnv } from "./settings.js";

/** Stops the single nodes `up` started and nothing else; returns one line per broker. */
export async function down(
  settings: BrokerSettings = settingsFromEnv(),
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const m = brokersText();
  const lines: string[] = [];
  for (const definition of BROKER_DEFINITIONS) {
    const owner = await definition.ownership(settings);
    const { label } = definition;
    const address = definition.display(settings);
    const record = readDockerRecord(settings.stateDir);
    const entry = record[definition.name];
    if (owner.by === "brokerlab native") {
      log(m.progress.stoppingPids(label, owner.pids.join(", ")));
      await definition.stopNative(settings);
      lines.push(m.single.stoppedNative(label, address));
    } else if (entry) {
      await composeRemove(entry.services, entry.profile ? [entry.profile] : []);
      delete record[definition.name];
      writeDockerRecord(settings.stateDir, record);
      lines.push(m.single.stoppedDocker(label, entry.services.join(" ")));
    } else {
      lines.push(m.single.leftAlone(label, address));
    }
  }
  return lines;
}
