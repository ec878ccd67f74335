import type { MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import type { IHeaders, KafkaMessage, Message, RecordMetadata } from "kafkajs";

/** A contract record as a kafkajs message. The value is wrapped, not copied. */
export function toKafkaMessage(record: MessageRecord): Message {
  const value = Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength);
  return {
    key: record.key ?? null,
    value,
    ...(record.headers ? { headers: { ...record.headers } } : {}),
    ...(record.timestamp === undefined ? {} : { timestamp: String(record.timestamp) }),
  };
}

/** Header values arrive as Buffers; a repeated header keeps its last value. */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) result[name] = value.toString();
  }
  return result;
}

export function keyOf(message: KafkaMessage): string | null {
  return message.key === null ? null : message.key.toString();
}

/**
 * Receipts in publish order. The broker reports a base offset per partition; records of one partition were
 * appended in the order sent, so the i-th of them sits at base + i. acks=0 gets no response, hence no positions.
 */
export function receiptsFor(
  partitions: readonly (number | undefined)[],
  metadata: readonly RecordMetadata[],
): PublishReceipt[] {
  const base = new Map<number, bigint>();
  for (const entry of metadata) {
    if (entry.baseOffset !== undefined && BigInt(entry.baseOffset) >= 0n)
      base.set(entry.partition, BigInt(entry.baseOffset));
  }
  const seen = new Map<number, bigint>();
  return partitions.map((partition) => {
    const first = partition === undefined ? undefined : base.get(partition);
    if (partition === undefined || first === undefined) return {};
    const index = seen.get(partition) ?? 0n;
    seen.set(partition, index + 1n);
    return { position: { partition, offset: String(first + index) } };
  });
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

function approximateSize(record: MessageRecord): number {
  let size = record.value.byteLength + Buffer.byteLength(record.key ?? "") + 32;
  for (const [name, value] of Object.entries(record.headers ?? {}))
    size += Buffer.byteLength(name) + Buffer.byteLength(value) + 8;
  return size;
}
