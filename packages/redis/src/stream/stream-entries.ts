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

/** Takes one entry's decoded parts. */
export type EntryVisitor = (
  id: string,
  key: string | null,
  headers: Record<string, string>,
  value: Buffer,
  timestamp: number,
) => void;

const FIELD_K = 0x6b;
const FIELD_H = 0x68;
const FIELD_V = 0x76;
const EMPTY = Buffer.alloc(0);

/**
 * Decodes `[id, [field, value, ...]]` pairs as XREADGROUP / XCLAIM / XAUTOCLAIM return them (Buffer replies)
 * and hands each entry's parts to `visit`, in order; returns how many there were. The one-letter field names
 * are compared as bytes: no string and no map per field, and no object per entry unless `visit` makes one.
 */
export function eachEntry(reply: unknown, visit: EntryVisitor): number {
  if (!Array.isArray(reply)) return 0;
  let count = 0;
  for (const item of reply) {
    if (!Array.isArray(item) || !Array.isArray(item[1])) continue; // deleted entry: id with nil fields
    const id = String(item[0]);
    const fields = item[1] as Buffer[];
    let key: string | null = null;
    let headers: Record<string, string> | undefined;
    let value: Buffer = EMPTY;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i] as Buffer;
      if (name.length !== 1) continue;
      const field = fields[i + 1] as Buffer;
      const letter = name[0];
      if (letter === FIELD_V) value = field;
      else if (letter === FIELD_K) key = field.toString();
      else if (letter === FIELD_H) headers = JSON.parse(field.toString()) as Record<string, string>;
    }
    visit(id, key, headers ?? {}, value, idMillis(id));
    count += 1;
  }
  return count;
}

/** Parses `[id, [field, value, ...]]` pairs as XREADGROUP / XCLAIM / XAUTOCLAIM return them (Buffer replies). */
export function parseEntries(reply: unknown): StreamEntry[] {
  const entries: StreamEntry[] = [];
  eachEntry(reply, (id, key, headers, value, timestamp) => {
    entries.push({ id, key, headers, value, timestamp });
  });
  return entries;
}

/** The entries of an XREADGROUP reply on one stream: `[[stream, entries]]`, null when the block timed out. */
export function readEntries(reply: unknown): unknown {
  return Array.isArray(reply) && Array.isArray(reply[0]) ? reply[0][1] : undefined;
}

/** XREADGROUP reply on one stream: `[[stream, entries]]`, or null when the block timed out. */
export function parseRead(reply: unknown): StreamEntry[] {
  return parseEntries(readEntries(reply));
}

/** XAUTOCLAIM reply `[next cursor, entries, deleted ids]`: the cursor, and the entries for eachEntry. */
export function autoClaimParts(reply: unknown): { cursor: string; entries: unknown } {
  if (!Array.isArray(reply)) return { cursor: "0-0", entries: undefined };
  return { cursor: String(reply[0]), entries: reply[1] };
}

/** Redis replies to XINFO as flat `[name, value, name, value]` arrays. */
export function flatToObject(reply: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (!Array.isArray(reply)) return object;
  for (let i = 0; i + 1 < reply.length; i += 2) object[String(reply[i])] = reply[i + 1];
  return object;
}

const STREAM_ID = /^(\d+)(?:-(\d+))?$/;

/** The millisecond part of a stream id (`<ms>-<seq>`); 0 for anything else. */
export function idMillis(id: string): number {
  const dash = id.indexOf("-");
  const ms = Number(dash < 0 ? id : id.slice(0, dash));
  return Number.isInteger(ms) && ms >= 0 ? ms : 0;
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
