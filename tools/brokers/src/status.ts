import type { BrokerName } from "./definitions/broker-definition.js";
import { BROKER_DEFINITIONS } from "./definitions/index.js";
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
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

/** A plain-text table, one row per broker. */
export function formatStatus(rows: readonly BrokerStatus[]): string {
  return formatTable(
    ["broker", "address", "version", "health", "managed by", "notes"],
    rows.map((row) => [
      row.broker === "kafka" && row.brokers
        ? `kafka (${row.brokers} broker${row.brokers > 1 ? "s" : ""})`
        : row.broker,
      row.address,
      row.version ?? (row.health === "healthy" ? "unknown" : "-"),
      row.health,
      row.managedBy ?? "-",
      row.note ?? "",
    ]),
  );
}
