import { cpus } from "node:os";

/** The machine's CPU time so far, summed over cores, ms. */
export interface MachineCpuTimes {
  readonly busyMs: number;
  readonly totalMs: number;
}

export function machineCpuTimes(): MachineCpuTimes {
  let busyMs = 0;
  let totalMs = 0;
  for (const { times } of cpus()) {
    const busy = times.user + times.nice + times.sys + times.irq;
    busyMs += busy;
    totalMs += busy + times.idle;
  }
  return { busyMs, totalMs };
}

/** Share of all cores busy between two readings, in percent with one decimal (0 when no time passed). */
export function busyPercentBetween(before: MachineCpuTimes, after: MachineCpuTimes): number {
  const total = after.totalMs - before.totalMs;
  if (total <= 0) return 0;
  return Math.round(((after.busyMs - before.busyMs) / total) * 1000) / 10;
}
