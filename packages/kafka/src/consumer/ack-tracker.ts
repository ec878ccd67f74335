/**
 * Per-partition bookkeeping for one owned partition. Acks can come out of order; the group may only commit the
 * contiguous acknowledged prefix, so a crash never skips a record that was not acknowledged.
 * Offsets are JS numbers here: exact up to 2^53, which a partition would take centuries to reach; positions
 * handed to callers stay strings.
 */
export class AckTracker {
  /** Next offset to commit: every offset below it is acknowledged. */
  private next: number;
  /** Offsets above `next` acknowledged out of order. */
  private readonly acked = new Set<number>();
  /** Everything below this was handed out at least once (and is acked, in flight or requeued). */
  private deliveredUpTo: number;
  /** Handed out, then nacked with requeue: to be handed out again. */
  private readonly requeued = new Set<number>();
  /** Highest offset the group has confirmed committing (or the start). */
  committed: number;

  constructor(start: number) {
    this.next = start;
    this.committed = start;
    this.deliveredUpTo = start;
  }

  get commitOffset(): number {
    return this.next;
  }

  /** False for records already acknowledged or handed out and not yet settled: those are not delivered again. */
  shouldDeliver(offset: number): boolean {
    if (offset < this.next) return false;
    if (offset >= this.deliveredUpTo) return true;
    return this.requeued.has(offset) && !this.acked.has(offset);
  }

  delivered(offset: number): void {
    if (offset >= this.deliveredUpTo) this.deliveredUpTo = offset + 1;
    if (this.requeued.size > 0) this.requeued.delete(offset);
  }

  /** Returns the new commit offset when the prefix advanced. */
  ack(offset: number): number | undefined {
    if (offset < this.next) return undefined;
    if (offset > this.next) {
      this.acked.add(offset);
      return undefined;
    }
    // The common case, in-order acks, touches no set.
    this.next += 1;
    if (this.acked.size > 0) while (this.acked.delete(this.next)) this.next += 1;
    return this.next;
  }

  /** The record goes back to the undelivered state; returns the offset to rewind the fetch position to. */
  requeue(offset: number): number {
    if (offset >= this.next) this.requeued.add(offset);
    return this.next;
  }
}
