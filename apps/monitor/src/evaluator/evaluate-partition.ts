import type { CommitEntry, EvaluatorOptions, StatusName } from "./status.js";

/** What the evaluator needs of one partition: its commit window (oldest first, empty slots null at the start). */
export interface PartitionWindow {
  readonly offsets: readonly (CommitEntry | null)[];
  /** The log-end offsets recorded at the last refreshes, oldest first. */
  readonly brokerOffsets: readonly number[];
  readonly currentLag: number;
}

export interface PartitionEvaluation {
  readonly status: StatusName;
  readonly start: CommitEntry | null;
  readonly end: CommitEntry | null;
  readonly currentLag: number;
  readonly complete: number;
}

/**
 * Burrow's `evaluatePartitionStatus`: drops the empty slots, measures how full the window is, and applies the
 * rules once it is full enough. `nowMs` is truncated to whole seconds, as Burrow's `time.Now().Unix()` is.
 */
export function evaluatePartition(
  window: PartitionWindow,
  nowMs: number,
  options: EvaluatorOptions,
): PartitionEvaluation {
  const empty = { status: "OK" as const, start: null, end: null, currentLag: window.currentLag };
  if (window.offsets.length === 0) return { ...empty, complete: 0 };
  const firstFilled = window.offsets.findIndex((entry) => entry !== null);
  const offsets = (firstFilled === -1 ? [] : window.offsets.slice(firstFilled)) as CommitEntry[];
  // Burrow keeps the last slot when all are empty, so an all-empty window counts as 1/n complete.
  const kept = firstFilled === -1 ? 1 : offsets.length;
  const complete = kept < window.offsets.length ? kept / window.offsets.length : 1;
  if (offsets.length === 0) return { ...empty, complete };
  const start = offsets[0] as CommitEntry;
  const end = offsets[offsets.length - 1] as CommitEntry;
  const status =
    complete >= options.minimumComplete
      ? partitionStatus(offsets, window.brokerOffsets, window.currentLag, nowMs, options.allowedLag)
      : "OK";
  return { status, start, end, currentLag: window.currentLag, complete };
}

/** Burrow's `calculatePartitionStatus`: the rules in its order, on a window with at least one commit. */
export function partitionStatus(
  offsets: readonly CommitEntry[],
  brokerOffsets: readonly number[],
  currentLag: number,
  nowMs: number,
  allowedLag: number,
): StatusName {
  if (currentLag <= allowedLag) return "OK";
  if (offsetsStopped(offsets, nowMs) && !recentLagZero(offsets, brokerOffsets)) return "STOP";
  const rewindAt = rewindIndex(offsets);
  if (rewindAt > 0 && !rewindRecovered(offsets, rewindAt)) return "REWIND";
  if (lagAlwaysNotZero(offsets, allowedLag)) {
    if (offsetsStalled(offsets)) return "STALL";
    if (lagNotDecreasing(offsets)) return "WARN";
  }
  return "OK";
}

/** Rule 1: false when any stored lag was at or below the allowed lag. */
export function lagAlwaysNotZero(offsets: readonly CommitEntry[], allowedLag: number): boolean {
  return !offsets.some((entry) => entry.lag !== null && entry.lag <= allowedLag);
}

/** Rule 2: index of the first commit whose offset is below the one before it, -1 when none. */
export function rewindIndex(offsets: readonly CommitEntry[]): number {
  for (let i = 1; i < offsets.length; i++) {
    if ((offsets[i] as CommitEntry).offset < (offsets[i - 1] as CommitEntry).offset) return i;
  }
  return -1;
}

/** Rule 2, part 2: a later commit got back to the offset reached before the rewind. */
export function rewindRecovered(offsets: readonly CommitEntry[], rewindAt: number): boolean {
  const before = (offsets[rewindAt - 1] as CommitEntry).offset;
  return offsets.slice(rewindAt).some((entry) => entry.offset >= before);
}

/** Rule 3: the time since the last commit is longer than the window spans (first to last commit). */
export function offsetsStopped(offsets: readonly CommitEntry[], nowMs: number): boolean {
  const first = (offsets[0] as CommitEntry).timestamp;
  const last = (offsets[offsets.length - 1] as CommitEntry).timestamp;
  const now = Math.floor(nowMs / 1000) * 1000;
  return now - last > last - first;
}

/** Rule 4: every stored offset is the same. */
export function offsetsStalled(offsets: readonly CommitEntry[]): boolean {
  return offsets.every((entry) => entry.offset === (offsets[0] as CommitEntry).offset);
}

/** Rule 5: no stored lag (skipping unknown ones) is lower than the one before it. */
export function lagNotDecreasing(offsets: readonly CommitEntry[]): boolean {
  let previous: number | null = null;
  for (const entry of offsets) {
    if (entry.lag === null) continue;
    if (previous !== null && entry.lag < previous) return false;
    previous = entry.lag;
  }
  return true;
}

/** Not stopped yet when a recent log-end offset was at or below the last committed offset. */
export function recentLagZero(offsets: readonly CommitEntry[], brokerOffsets: readonly number[]): boolean {
  const last = (offsets[offsets.length - 1] as CommitEntry).offset;
  return brokerOffsets.some((offset) => offset <= last);
}
