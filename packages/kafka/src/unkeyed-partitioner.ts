import { STICKY_BATCH_BYTES, type UnkeyedPartitioning } from "./producer-options.js";

interface StickyState {
  partition: number;
  /** Bytes sent to `partition` since the producer moved there. */
  bytes: number;
}

/**
 * Picks the partition of a record without a key, per topic, among the partitions that have a leader.
 * Both Kafka clients use it, so `round-robin` and `sticky` mean the same on either. Pure logic: the random
 * source is a parameter for the tests.
 */
export class UnkeyedPartitioner {
  /** Per topic, the count of records placed so far (from a random start): one lookup per record, no write. */
  private readonly counters = new Map<string, { placed: number }>();
  private readonly sticky = new Map<string, StickyState>();

  constructor(
    readonly mode: UnkeyedPartitioning = "round-robin",
    private readonly random: () => number = Math.random,
  ) {}

  /** `candidates`: partition ids with a leader (not empty); `bytes`: the record's size. */
  next(topic: string, candidates: readonly number[], bytes: number): number {
    return this.mode === "sticky" ? this.stick(topic, candidates, bytes) : this.rotate(topic, candidates);
  }

  private rotate(topic: string, candidates: readonly number[]): number {
    let counter = this.counters.get(topic);
    if (counter === undefined) {
      // A random start, so many short-lived producers do not all pile onto the first partition.
      counter = { placed: Math.floor(this.random() * candidates.length) };
      this.counters.set(topic, counter);
    }
    counter.placed += 1;
    return candidates[counter.placed % candidates.length] ?? 0;
  }

  private stick(topic: string, candidates: readonly number[], bytes: number): number {
    let state = this.sticky.get(topic);
    if (state === undefined || state.bytes >= STICKY_BATCH_BYTES || !candidates.includes(state.partition)) {
      state = { partition: this.pickOther(candidates, state?.partition), bytes: 0 };
      this.sticky.set(topic, state);
    }
    state.bytes += bytes;
    return state.partition;
  }

  /** A random candidate other than `current` where there is another (KIP-480: a new batch, a new partition). */
  private pickOther(candidates: readonly number[], current: number | undefined): number {
    const others =
      candidates.length > 1 ? candidates.filter((partition) => partition !== current) : candidates;
    return others[Math.floor(this.random() * others.length)] ?? candidates[0] ?? 0;
  }
}
