import type { MessageRecord } from "@brokerlab/messaging";

/**
 * A list item is `<id>\n<json>\n<value bytes>`: the id first so Lua scripts can read it with a pattern, a JSON
 * line for key, headers and timestamp (JSON.stringify never emits a raw newline), then the value untouched, so
 * binary round-trips exactly without base64 overhead. The publish script prepends the id it assigns.
 */
export interface ListItem {
  readonly id: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly timestamp: number;
  readonly value: Buffer;
}

const NEWLINE = 0x0a;

/** The item without its id (`<json>\n<value>`), as sent to the publish script. */
export function encodeBody(record: MessageRecord, now: number): Buffer {
  const meta = JSON.stringify({
    k: record.key ?? null,
    h: record.headers ?? {},
    ts: record.timestamp ?? now,
  });
  return Buffer.concat([Buffer.from(`${meta}\n`), Buffer.from(record.value)]);
}

export function encodeItem(id: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${id}\n`), body]);
}

export function decodeItem(item: Buffer): ListItem {
  const idEnd = item.indexOf(NEWLINE);
  const metaEnd = idEnd < 0 ? -1 : item.indexOf(NEWLINE, idEnd + 1);
  if (idEnd < 0 || metaEnd < 0) throw new Error("not a brokerlab list item");
  const id = item.subarray(0, idEnd).toString();
  if (!/^\d+$/.test(id)) throw new Error("not a brokerlab list item");
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
