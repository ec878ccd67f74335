import type { MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import type { Message, RecordMetadata } from "kafkajs";
import type { FetchedHeaders } from "./consumer/group-consumer.js";

/**
 * A contract record as a kafkajs message: the value wrapped, not copied, the headers passed as they are (kafkajs
 * only reads them). One literal of one shape: built per record, spreads cost measurable client CPU.
 */
export function toKafkaMessage(record: MessageRecord): Message {
  return {
    key: record.key ?? null,
    value: Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength),
    headers: record.headers,
    timestamp: record.timestamp === undefined ? undefined : String(record.timestamp),
  };
}

/**
 * Header values arrive as Buffers, as one object (kafkajs) or a list of single-header objects (librdkafka); a
 * repeated header keeps its last value.
 */
export function headersToStrings(
  headers: FetchedHeaders | readonly FetchedHeaders[] | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers === undefined) return result;
  if (isHeaderList(headers)) {
    for (const entry of headers) addHeaders(result, entry);
  } else {
    addHeaders(result, headers);
  }
  return result;
}

function isHeaderList(
  headers: FetchedHeaders | readonly FetchedHeaders[],
): headers is readonly FetchedHeaders[] {
  return Array.isArray(headers);
}

function addHeaders(result: Record<string, string>, headers: FetchedHeaders): void {
  for (const name in headers) {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) result[name] = value.toString();
  }
}

export function keyOf(message: { readonly key?: Buffer | string | null }): string | null {
  const key = message.key;
  return key === null || key === undefined ? null : key.toString();
}

/**
 * Receipts in publish order. The broker reports a base offset per partition; records of one partition were
 * appended in the order sent, so the i-th of them sits at base + i. acks=0 gets no response, hence no positions.
 */
export function receiptsFor(
  partitions: readonly (number | undefined)[],
  metadata: readonly RecordMetadata[],
): PublishReceipt[] {
  const base = new Map<number, string>();
  for (const entry of metadata) {
    if (entry.baseOffset !== undefined && !entry.baseOffset.startsWith("-"))
      base.set(entry.partition, entry.baseOffset);
  }
  const seen = new Map<number, number>();
  return partitions.map((partition) => {
    const first = partition === undefined ? undefined : base.get(partition);
    if (partition === undefined || first === undefined) return {};
    const index = seen.get(partition) ?? 0;
    seen.set(partition, index + 1);
    return { position: { partition, offset: addToOffset(first, index) } };
  });
}

/** Offsets are int64: exact Number arithmetic while the sum stays below 2^53, BigInt above. */
function addToOffset(offset: string, count: number): string {
  const value = Number(offset);
  return Number.isSafeInteger(value + count) ? String(value + count) : String(BigInt(offset) + BigInt(count));
}

/** Splits records into sends of at most `maxBytes` (a single bigger record goes alone) so no batch hits Kafka's size limit. */
export function chunkByBytes(records: readonly MessageRecord[], maxBytes: number): MessageRecord[][] {
  const chunks: MessageRecord[][] = [];
  let current: MessageRecord[] = [];
  let size = 0;
  for (const record of records) {
    const bytes = approximateSize(record);
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** An upper bound that is cheap per record: UTF-16 length × 3 bounds a string's UTF-8 bytes. */
export function approximateSize(record: MessageRecord): number {
  let size = record.value.byteLength + (record.key ?? "").length * 3 + 32;
  const headers = record.headers;
  if (headers !== undefined) {
    for (const name in headers) size += (name.length + (headers[name] ?? "").length) * 3 + 8;
  }
  return size;
}
