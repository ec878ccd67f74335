import type { Delivery, MessageRecord } from "@brokerlab/messaging";

export interface NumberedRecordsOptions {
  /** The first record's number (default 0). */
  from?: number;
  /** Value "<label>-<n>" (default label "record"). */
  label?: string;
  /** The value for record n, where a test expects another spelling than "<label>-<n>". */
  textOf?: (n: number) => string;
  /** The key for record n (default "key-<n>"); null for an unkeyed record. */
  keyOf?: (n: number) => string | null;
}

/** Records numbered from `from`: value "<label>-<n>", header n, key per `keyOf`. */
export function numberedRecords(count: number, options: NumberedRecordsOptions = {}): MessageRecord[] {
  const from = options.from ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      key: options.keyOf ? options.keyOf(n) : `key-${n}`,
      value: Buffer.from(options.textOf ? options.textOf(n) : `${options.label ?? "record"}-${n}`),
      headers: { n: String(n) },
    };
  });
}

/** The number `numberedRecords` gave the record in its `n` header. */
export function numberOf(delivery: Delivery): number {
  return Number(delivery.headers.n);
}

/** A UTF-8 value. */
export function text(value: string): Buffer {
  return Buffer.from(value, "utf8");
}

/** `items` in consecutive slices of `size` (the last one shorter). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
