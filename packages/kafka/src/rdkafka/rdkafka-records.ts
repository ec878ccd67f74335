import type { MessageHeader } from "@confluentinc/kafka-javascript";

/** A Buffer view of the value without copying (the binding accepts Buffers only, per its typings). */
export function asBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** librdkafka's header shape: one single-entry object per header. */
export function toHeaders(headers: Readonly<Record<string, string>>): MessageHeader[] {
  const list: MessageHeader[] = [];
  for (const name in headers) list.push({ [name]: headers[name] ?? "" });
  return list;
}
