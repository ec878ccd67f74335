import { BROKERS, brokerAddress, kafkaVersion, type ManagedBy, ownership, probe } from "./brokers.js";
import type { BrokerName } from "./docker.js";
import { reason } from "./probes.js";
import { type BrokerSettings, settingsFromEnv } from "./settings.js";

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

/** Each broker's address, version, health (a real round trip) and owner. */
export async function status(settings: BrokerSettings = settingsFromEnv()): Promise<BrokerStatus[]> {
  return Promise.all(
    BROKERS.map(async (broker): Promise<BrokerStatus> => {
      const owner = await ownership(broker, settings);
      const address = brokerAddress(broker, settings, owner.by === "brokerlab native" ? owner.brokers : 1);
      try {
        const result = await probe(broker, settings, broker === "kafka" ? 15_000 : 8000);
        const version = broker === "kafka" ? kafkaVersion(settings, owner) : result.version;
        return {
          broker,
          address,
          ...(version ? { version } : {}),
          health: "healthy",
          managedBy: owner.by ?? "external",
          ...(result.brokers ? { brokers: result.brokers } : {}),
          ...(owner.logFiles[0] ? { note: `log ${owner.logFiles[0]}` } : {}),
        };
      } catch (error) {
        return {
          broker,
          address,
          health: "down",
          ...(owner.by ? { managedBy: owner.by } : {}),
          note: reason(error),
        };
      }
    }),
  );
}

/** A plain-text table, one row per broker. */
export function formatStatus(rows: readonly BrokerStatus[]): string {
  const header = ["broker", "address", "version", "health", "managed by", "notes"];
  const body = rows.map((row) => [
    row.broker === "kafka" && row.brokers
      ? `kafka (${row.brokers} broker${row.brokers > 1 ? "s" : ""})`
      : row.broker,
    row.address,
    row.version ?? (row.health === "healthy" ? "unknown" : "-"),
    row.health,
    row.managedBy ?? "-",
    row.note ?? "",
  ]);
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
