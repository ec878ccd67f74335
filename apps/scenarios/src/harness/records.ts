import type { Delivery, MessageRecord } from "@brokerlab/messaging";

/** Records numbered from `from`; header `n` carries the number so deliveries can be matched to records. */
export function numberedRecords(
  count: number,
  options: { from?: number; keyOf?: (n: number) => string | null; label?: string } = {},
): MessageRecord[] {
  const from = options.from ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      key: options.keyOf ? options.keyOf(n) : `key-${n % 20}`,
      value: Buffer.from(`${options.label ?? "record"}-${n}`),
      headers: { n: String(n) },
    };
  });
}

export function numberOf(delivery: Delivery): number {
  return Number(delivery.headers.n);
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
