/**
 * Wall-clock milliseconds with sub-millisecond resolution (µs digits), monotonic within this process.
 * Producer and consumer share the process, so the difference of two readings is an exact latency.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms` milliseconds (at once for zero or less). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
