/**
 * Wall-clock milliseconds with sub-millisecond resolution (µs digits), monotonic within this process.
 * Producer and consumer share the process, so the difference of two readings is an exact latency.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
