/** Burrow's status constants, in its order: a higher rank is worse (protocol.StatusConstant). */
export const STATUS_NAMES = ["NOTFOUND", "OK", "WARN", "ERR", "STOP", "STALL", "REWIND"] as const;

export type StatusName = (typeof STATUS_NAMES)[number];

export function statusRank(status: StatusName): number {
  return STATUS_NAMES.indexOf(status);
}

/** One stored commit, as Burrow's storage keeps it (`lag` null when it was backfilled out of order). */
export interface CommitEntry {
  readonly offset: number;
  /** Where the commit sat in its source (the `__consumer_offsets` offset for Kafka): orders commits. */
  readonly order: number;
  /** Commit time, ms since epoch. */
  readonly timestamp: number;
  /** When the monitor stored it, ms since epoch. */
  readonly observedAt: number;
  /** Log-end offset minus this offset when the commit arrived (never below 0). */
  readonly lag: number | null;
}

export interface EvaluatorOptions {
  /** Lag at or below this counts as caught up (Burrow `allowed-lag`, default 0). */
  readonly allowedLag: number;
  /** Share of the window that must be filled before rules apply (Burrow `minimum-complete`, default 0). */
  readonly minimumComplete: number;
}

export const DEFAULT_EVALUATOR_OPTIONS: EvaluatorOptions = { allowedLag: 0, minimumComplete: 0 };
