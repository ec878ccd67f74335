/** redis-benchmark -q: `LPUSH key …: 312500.00 requests per second, p50=…`. */
export function parseRedisBenchmark(output: string): number | undefined {
  const matches = [...output.matchAll(/([\d.]+) requests per second/g)];
  const last = matches.at(-1);
  return last?.[1] === undefined ? undefined : Number(last[1]);
}
