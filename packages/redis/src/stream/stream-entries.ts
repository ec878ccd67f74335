import { InvalidArgumentError, type MessageRecord, type Position } from "@brokerlab/messaging";

/** One stream entry as this adapter writes it: fields k (absent for a null key), h (JSON, absent when empty), v (bytes). */
export interface StreamEntry {
  readonly id: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: Buffer;
  /** The broker's time: the millisecond part of the id Redis assigned. */
  readonly timestamp: number;
}

/**
 * XADD arguments for one record: `<stream> * <field value ...>`, in one array (no spreading per record). The
 * producer's timestamp is not stored: a delivery reports the time in the id Redis assigns (the contract's
 * "broker time where it keeps one"), and the unread field cost about a tenth of the client's publish work.
 */
export function xaddArguments(stream: string, record: MessageRecord): (string | Buffer)[] {
  const value = asBuffer(record.value);
  const headers = record.headers === undefined ? "{}" : JSON.stringify(record.headers);
  const key = record.key;
  // Array literals per shape: this runs once per record published.
  if (key === undefined || key === null) {
    return headers === "{}" ? [stream, "*", "v", value] : [stream, "*", "h", headers, "v", value];
  }
  return headers === "{}"
    ? [stream, "*", "k", key, "v", value]
    : [stream, "*", "k", key, "h", headers, "v", value];
}

/** The value as a Buffer without copying it: ioredis copies the bytes into the command it writes anyway. */
function asBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Parses `[id, [field, value, ...]]` pairs as XREADGROUP / XCLAIM / XAUTOCLAIM return them (Buffer replies). */
export function parseEntries(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  const entries: StreamEntry[] = [];
  for (const item of reply) {
    if (!Array.isArray(item) || !Array.isArray(item[1])) continue; // deleted entry: id with nil fields
    const id = String(item[0]);
    const fields = item[1] as Buffer[];
    const values = new Map<string, Buffer>();
    for (let i = 0; i + 1 < fields.length; i += 2) values.set(String(fields[i]), fields[i + 1] as Buffer);
    const headers = values.get("h");
    entries.push({
      id,
      key: values.has("k") ? String(values.get("k")) : null,
      headers: headers ? (JSON.parse(headers.toString()) as Record<string, string>) : {},
      value: values.get("v") ?? Buffer.alloc(0),
      timestamp: idMillis(id),
    });
  }
  return entries;
}

/** XREADGROUP reply: `[[stream, entries]]`, or null when the block timed out. */
export function parseRead(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((stream) => (Array.isArray(stream) ? parseEntries(stream[1]) : []));
}

/** XAUTOCLAIM reply: `[next cursor, entries, deleted ids]`. */
export function parseAutoClaim(reply: unknown): { cursor: string; entries: StreamEntry[] } {
  if (!Array.isArray(reply)) return { cursor: "0-0", entries: [] };
  return { cursor: String(reply[0]), entries: parseEntries(reply[1]) };
}

/** Redis replies to XINFO as flat `[name, value, name, value]` arrays. */
export function flatToObject(reply: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (!Array.isArray(reply)) return object;
  for (let i = 0; i + 1 < reply.length; i += 2) object[String(reply[i])] = reply[i + 1];
  return object;
}

const STREAM_ID = /^(\d+)(?:-(\d+))?$/;

export function idMillis(id: string): number {
  return Number(STREAM_ID.exec(id)?.[1] ?? 0);
}

/** A contract position on a stream: partition 0, offset = an entry id (`ms-seq`, or `ms` meaning `ms-0`). */
export function streamIdOf(position: Position): string {
  const match = STREAM_ID.exec(position.offset);
  if (position.partition !== 0 || !match) {
    throw new InvalidArgumentError(
      `"${position.partition}/${position.offset}" is not a Redis stream position; use partition 0 and an id like 1700000000000-0`,
    );
  }
  return `${match[1]}-${match[2] ?? "0"}`;
}

const MAX_SEQUENCE = 18_446_744_073_709_551_615n;

/**
 * The id just before `id`. A consumer group delivers entries after its last-delivered id, so a group that must
 * start *at* an entry is created (or SETID) at the id before it.
 */
export function streamIdBefore(id: string): string {
  const match = STREAM_ID.exec(id);
  if (!match) throw new InvalidArgumentError(`"${id}" is not a Redis stream id`);
  const ms = BigInt(match[1] ?? "0");
  const sequence = BigInt(match[2] ?? "0");
  if (sequence > 0n) return `${ms}-${sequence - 1n}`;
  if (ms > 0n) return `${ms - 1n}-${MAX_SEQUENCE}`;
  return "0-0";
}
