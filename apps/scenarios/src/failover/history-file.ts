import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { InvalidArgumentError } from "@brokerlab/messaging";
import type { HistoryEvent } from "./history.js";

/** Appends history events to a JSONL file as they happen, so a run that dies still leaves what it saw. */
export class HistoryWriter {
  readonly events: HistoryEvent[] = [];
  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {}

  static async open(path: string): Promise<HistoryWriter> {
    await mkdir(dirname(path), { recursive: true });
    return new HistoryWriter(path, createWriteStream(path, { flags: "w" }));
  }

  write(event: HistoryEvent): void {
    this.events.push(event);
    this.stream.write(`${JSON.stringify(event)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

const EVENT_TYPES = new Set(["run", "attempt", "read", "read-done", "fault", "recover", "leader", "members"]);

/** Parses a history file; a line that is not a history event is an error naming the file and line. */
export function parseHistory(text: string, source = "history"): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new InvalidArgumentError(
        `${source}:${index + 1} is not JSON; a history file has one event per line`,
      );
    }
    const type = (parsed as { type?: unknown } | null)?.type;
    if (typeof type !== "string" || !EVENT_TYPES.has(type)) {
      throw new InvalidArgumentError(
        `${source}:${index + 1} has no known event type (got ${JSON.stringify(type)})`,
      );
    }
    events.push(parsed as HistoryEvent);
  });
  return events;
}

export async function readHistory(path: string): Promise<HistoryEvent[]> {
  return parseHistory(await readFile(path, "utf8"), path);
}
