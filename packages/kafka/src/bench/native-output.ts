/** Kafka ProducerPerformance: `500000 records sent, 98213.1 records/sec (95.91 MB/sec), …` (the final line). */
export function parseProducerPerformance(output: string): number | undefined {
  const matches = [...output.matchAll(/(\d+) records sent, ([\d.]+) records\/sec/g)];
  const last = matches.at(-1);
  return last?.[2] === undefined ? undefined : Number(last[2]);
}

/**
 * Kafka ConsumerPerformance prints a header and one CSV line:
 * `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
 * fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec`. `nMsg.sec` counts the group join in; `fetch.nMsg.sec` is the
 * rate after it.
 */
export function parseConsumerPerformance(
  output: string,
  column: "nMsg.sec" | "fetch.nMsg.sec" = "nMsg.sec",
): number | undefined {
  const lines = output.split("\n").map((line) => line.trim());
  const header = lines.findIndex((line) => line.startsWith("start.time"));
  const columns = lines[header]?.split(",").map((column) => column.trim());
  const values = lines[header + 1]?.split(",").map((value) => value.trim());
  const index = columns?.indexOf(column) ?? -1;
  const value = index >= 0 ? Number(values?.[index]) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}
