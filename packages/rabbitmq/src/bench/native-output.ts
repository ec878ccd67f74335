/**
 * RabbitMQ PerfTest's summary: `id: test-…, sending rate avg: 10542 msg/s` and `… receiving rate avg: 9870 msg/s`;
 * `side` picks the producers' or the consumers' rate.
 */
export function parsePerfTest(output: string, side: "sending" | "receiving" = "sending"): number | undefined {
  const match = new RegExp(`${side} rate avg: ([\\d.]+) msg/s`).exec(output);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
