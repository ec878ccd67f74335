/** Parsers for the native tools' summary lines. Each returns messages per second, or undefined if absent. */

/** Kafka ProducerPerformance: `500000 records sent, 98213.1 records/sec (95.91 MB/sec), …` (the final line). */
export function parseProducerPerformance(output: string): number | undefined {
  const matches = [...output.matchAll(/(\d+) records sent, ([\d.]+) records\/sec/g)];
  const last = matches.at(-1);
  return last?.[2] === undefined ? undefined : Number(last[2]);
}

/**
 * Kafka ConsumerPerformance prints a header and one CSV line:
 * `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, …`.
 */
export function parseConsumerPerformance(output: string): number | undefined {
  const lines = output.split("\n").map((line) => line.trim());
  const header = lines.findIndex((line) => line.startsWith("start.time"));
  const columns = lines[header]?.split(",").map((column) => column.trim());
  const values = lines[header + 1]?.split(",").map((value) => value.trim());
  const index = columns?.indexOf("nMsg.sec") ?? -1;
  const value = index >= 0 ? Number(values?.[index]) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** RabbitMQ PerfTest: `id: test-…, sending rate avg: 10542 msg/s`. */
export function parsePerfTest(output: string): number | undefined {
  const match = /sending rate avg: ([\d.]+) msg\/s/.exec(output);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** redis-benchmark -q: `LPUSH key …: 312500.00 requests per second, p50=…`. */
export function parseRedisBenchmark(output: string): number | undefined {
  const matches = [...output.matchAll(/([\d.]+) requests per second/g)];
  const last = matches.at(-1);
  return last?.[1] === undefined ? undefined : Number(last[1]);
}
