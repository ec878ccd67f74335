import type { MessageRecord } from "@brokerlab/messaging";

/** The AMQP header that carries a record's key (AMQP has no key of its own; the routing key is the queue). */
export const KEY_HEADER = "x-key";
/** Added by RabbitMQ to every stream delivery: the record's offset. */
export const STREAM_OFFSET_HEADER = "x-stream-offset";

export interface AmqpPublishProperties {
  readonly persistent: true;
  /** ms since epoch (the AMQP spec says seconds; see {@link timestampFromAmqp}). */
  readonly timestamp: number;
  readonly headers: Record<string, string>;
  /** Have RabbitMQ return a record no queue took (basic.return) instead of dropping it. */
  readonly mandatory: boolean;
}

/**
 * Key and headers into AMQP headers, the producer timestamp (ms) into the timestamp property. Built as one
 * literal per object, never spread or extended afterwards: amqplib makes `headers` the prototype of a fresh
 * object per message, and objects of a changing shape made that cost ~40% more client CPU per message.
 */
export function publishProperties(
  record: MessageRecord,
  now: number,
  mandatory: boolean,
): AmqpPublishProperties {
  const headers: Record<string, string> =
    record.key === undefined || record.key === null
      ? { ...record.headers }
      : { ...record.headers, [KEY_HEADER]: record.key };
  return { persistent: true, timestamp: record.timestamp ?? now, headers, mandatory };
}

/** The record's key and user headers back out of AMQP headers; header values become strings. */
export function recordHeaders(amqpHeaders: Readonly<Record<string, unknown>> | undefined): {
  key: string | null;
  headers: Record<string, string>;
} {
  const headers: Record<string, string> = {};
  let key: string | null = null;
  for (const [name, value] of Object.entries(amqpHeaders ?? {})) {
    const text = headerText(value);
    if (name === KEY_HEADER) key = text ?? null;
    else if (name !== STREAM_OFFSET_HEADER && text !== undefined) headers[name] = text;
  }
  return { key, headers };
}

function headerText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  // Tables and arrays (x-death) have no faithful one-string form.
  return undefined;
}

/**
 * This adapter writes ms; other AMQP clients follow the spec and write seconds. Any value below 1e11
 * (before 1973 in ms, year 5138 in seconds) is taken as seconds.
 */
export function timestampFromAmqp(value: unknown, fallback: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return fallback;
  return value < 1e11 ? value * 1000 : value;
}
