import type { CommitEntry } from "../evaluator/status.js";

export interface CommitRequest {
  readonly offset: number;
  readonly order: number;
  /** Commit time, ms since epoch. */
  readonly timestamp: number;
}

/**
 * The last `intervals` commits of one group partition, kept as Burrow's in-memory storage keeps them: ordered by
 * `order`; a commit older than the whole full window is dropped, one with an order already stored is ignored,
 * one that arrives out of order is slotted in without a lag (Burrow cannot know the log end at that time); a
 * commit closer than `minDistanceMs` to the previous one replaces it, keeping the previous timestamp.
 */
export class CommitWindow {
  private entries: CommitEntry[] = [];

  constructor(
    readonly intervals: number,
    private readonly minDistanceMs = 0,
  ) {}

  /** Stores a commit; `logEnd` is the newest log-end offset known for the partition. Returns false when dropped. */
  add(request: CommitRequest, logEnd: number, observedAt: number): boolean {
    const entries = this.entries;
    const newest = entries.at(-1);
    const full = entries.length === this.intervals;
    if (newest && full && (entries[0] as CommitEntry).order >= request.order) return false;
    const appending = !newest || newest.order < request.order;
    let index = entries.length;
    if (!appending) {
      index = entries.findIndex((entry) => entry.order >= request.order);
      if ((entries[index] as CommitEntry).order === request.order) return false;
    }
    const entry: CommitEntry = {
      offset: request.offset,
      order: request.order,
      timestamp: request.timestamp,
      observedAt,
      lag: appending ? Math.max(0, logEnd - request.offset) : null,
    };
    const previous = entries[index - 1];
    if (previous && request.timestamp - previous.timestamp < this.minDistanceMs) {
      entries[index - 1] = { ...entry, timestamp: previous.timestamp };
      return true;
    }
    entries.splice(index, 0, entry);
    if (entries.length > this.intervals) entries.shift();
    return true;
  }

  /** Oldest first, padded with null at the start to `intervals` slots, as Burrow's ring reads. */
  slots(): (CommitEntry | null)[] {
    const padding = new Array<null>(this.intervals - this.entries.length).fill(null);
    return [...padding, ...this.entries];
  }

  newest(): CommitEntry | undefined {
    return this.entries.at(-1);
  }
}
