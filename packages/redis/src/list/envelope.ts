import type { MessageRecord } from "@brokerlab/messaging";

/**
 * A list item is `<id>\n<json>\n<value bytes>`: the id first so Lua scripts can read it with a pattern, a JSON
 * line for key, headers and timestamp (JSON.stringify never emits a raw newline), then the value untouched, so
 * binary round-trips exactly without base64 overhead. The publisher builds the whole item, so publishing is one
 * plain LPUSH.
 */
export interface ListItem {
  readonly id: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly timestamp: number;
  readonly value: Buffer;
}

const NEWLINE = 0x0a;
/** Ids are `<16 hex digits: client prefix>-<counter>`; older versions assigned plain digits (INCRBY). */
const ITEM_ID = /^(?:[0-9a-f]{16}-)?\d+$/;

/**
 * The items of one publish call, ids `<idPrefix>-<firstNumber + i>`. They are views into one buffer (one
 * allocation per call, not per item) and each value is copied once, straight into its item. The meta line is
 * what `JSON.stringify({ k, h, ts })` gives, assembled by hand because this runs for every record published.
 */
export function encodeItems(
  idPrefix: string,
  firstNumber: number,
  records: readonly MessageRecord[],
  now: number,
): Buffer[] {
  const heads = new Array<string>(records.length);
  let total = 0;
  // Records of one call usually share a timestamp; formatting a 13-digit number is a noticeable part of the cost.
  let lastTimestamp: number | undefined;
  let lastTimestampText = "";
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as MessageRecord;
    const key = record.key == null ? "null" : JSON.stringify(record.key);
    const headers = record.headers == null ? "{}" : JSON.stringify(record.headers);
    const timestamp = record.timestamp ?? now;
    if (timestamp !== lastTimestamp) {
      lastTimestamp = timestamp;
      lastTimestampText = JSON.stringify(timestamp);
    }
    const head = `${idPrefix}-${firstNumber + i}\n{"k":${key},"h":${headers},"ts":${lastTimestampText}}\n`;
    heads[i] = head;
    total += Buffer.byteLength(head) + record.value.byteLength;
  }
  const block = Buffer.allocUnsafe(total);
  const items = new Array<Buffer>(records.length);
  let offset = 0;
  for (let i = 0; i < records.length; i++) {
    const value = (records[i] as MessageRecord).value;
    const start = offset;
    offset += block.write(heads[i] as string, offset);
    block.set(value, offset);
    offset += value.byteLength;
    items[i] = block.subarray(start, offset);
  }
  return items;
}

/** The id at the start of an item, or undefined for an item this adapter did not write. */
export function itemId(item: Buffer): string | undefined {
  const idEnd = item.indexOf(NEWLINE);
  if (idEnd < 1) return undefined;
  const id = item.subarray(0, idEnd).toString();
  return ITEM_ID.test(id) ? id : undefined;
}

export function decodeItem(item: Buffer): ListItem {
  const id = itemId(item);
  const idEnd = id === undefined ? -1 : item.indexOf(NEWLINE);
  const metaEnd = idEnd < 0 ? -1 : item.indexOf(NEWLINE, idEnd + 1);
  if (id === undefined || metaEnd < 0) throw new Error("not a brokerlab list item");
  const meta = JSON.parse(item.subarray(idEnd + 1, metaEnd).toString()) as {
    k: string | null;
    h: Record<string, string>;
    ts: number;
  };
  return {
    id,
    key: meta.k,
    headers: meta.h,
    timestamp: meta.ts,
    value: Buffer.from(item.subarray(metaEnd + 1)),
  };
}
