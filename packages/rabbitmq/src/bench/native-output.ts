/** RabbitMQ PerfTest: `id: test-…, sending rate avg: 10542 msg/s`. */
export function parsePerfTest(output: string): number | undefined {
  const match = /sending rate avg: ([\d.]+) msg\/s/.exec(output);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
