/**
 * Per-partition bookkeeping for one owned partition. Acks can come out of order; the group may only commit the
 * contiguous acknowledged prefix, so a crash never skips a record that was not acknowledged.
 */
export class AckTracker {
  /** Next offset to commit: every offset below it is acknowledged. */
  private next: bigint;
  private readonly acked = new Set<bigint>();
  private readonly inFlight = new Set<bigint>();
  /** Highest offset the group has confirmed committing (or the start). */
  committed: bigint;

  constructor(start: bigint) {
    this.next = start;
    this.committed = start;
  }

  get commitOffset(): bigint {
    return this.next;
  }

  /** False for records already acknowledged or handed out and not yet settled: those are not delivered again. */
  shouldDeliver(offset: bigint): boolean {
    return offset >= this.next && !this.acked.has(offset) && !this.inFlight.has(offset);
  }

  delivered(offset: bigint): void {
    this.inFlight.add(offset);
  }

  /** Returns the new commit offset when the prefix advanced. */
  ack(offset: bigint): bigint | undefined {
    this.inFlight.delete(offset);
    if (offset < this.next) return undefined;
    this.acked.add(offset);
    const before = this.next;
    while (this.acked.delete(this.next)) this.next += 1n;
    return this.next > before ? this.next : undefined;
  }

  /** The record goes back to the undelivered state; returns the offset to rewind the fetch position to. */
  requeue(offset: bigint): bigint {
    this.inFlight.delete(offset);
    return this.next;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }
}
