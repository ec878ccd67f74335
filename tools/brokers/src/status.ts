import { displayWidth } from "@brokerlab/report";
import type { BrokerName } from "./definitions/broker-definition.js";
import { BROKER_DEFINITIONS } from "./definitions/index.js";
import { type BrokersMessages, en } from "./i18n/en.js";
import { ownershipOf } from "./ownership.js";
import { reason } from "./probes.js";
import { type BrokerSettings, settingsFromEnv } from "./settings.js";

export type ManagedBy = "brokerlab native" | "docker" | "external";

export interface BrokerStatus {
  readonly broker: BrokerName;
  readonly address: string;
  readonly version?: string;
  readonly health: "healthy" | "down";
  /** Undefined when nothing answers and brokerlab started nothing. */
  readonly managedBy?: ManagedBy;
  /** Kafka: brokers in the cluster. */
  readonly brokers?: number;
  /** Why it is down, or where its log is. */
  readonly note?: string;
}

/** Each single-node broker's address, version, health (a real round trip) and owner. */
export async function status(settings: BrokerSettings = settingsFromEnv()): Promise<BrokerStatus[]> {
  return Promise.all(
    BROKER_DEFINITIONS.map(async (definition): Promise<BrokerStatus> => {
      const owner = await ownershipOf(definition, settings);
      const address = definition.display(settings);
      try {
        const result = await definition.probe(settings, definition.probeTimeoutMs);
        const version = definition.versionOf(settings, owner, result);
        return {
          broker: definition.name,
          address,
          ...(version ? { version } : {}),
          health: "healthy",
          managedBy: owner.by ?? "external",
          ...(result.brokers ? { brokers: result.brokers } : {}),
          ...(owner.logFiles[0] ? { note: `log ${owner.logFiles[0]}` } : {}),
        };
      } catch (error) {
        return {
          broker: definition.name,
          address,
          health: "down",
          ...(owner.by ? { managedBy: owner.by } : {}),
          note: reason(error),
        };
      }
    }),
  );
}

/** A plain-text table under a header; every row has one cell per header column. */
export function formatTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  // Display columns, not string length: a Hangul syllable takes two.
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...body.map((cells) => displayWidth(cells[column] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - displayWidth(cell))))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

/** A plain-text table, one row per broker, in the messages' language. */
export function formatStatus(rows: readonly BrokerStatus[], m: BrokersMessages["run"] = en.run): string {
  return formatTable(
    m.statusHeaders,
    rows.map((row) => [
      row.broker === "kafka" && row.brokers ? m.kafkaBrokers(row.brokers) : row.broker,
      row.address,
      row.version ?? (row.health === "healthy" ? m.unknownVersion : "-"),
      m.health[row.health],
      row.managedBy ?? "-",
      row.note ?? "",
    ]),
  );
}
