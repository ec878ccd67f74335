/** Bounds unsettled deliveries. `acquire` waits for a slot, at most `waitMs`, so the caller can heartbeat meanwhile. */
export class PrefetchGate {
  private used = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Takes a slot if one is free right now (no promise on the hot path). */
  tryAcquire(): boolean {
    if (this.closed || this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }

  /** Resolves true with a slot taken, false on timeout or once the gate is closed. */
  acquire(waitMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.used < this.limit) {
      this.used += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        if (!this.closed && this.used < this.limit) {
          this.used += 1;
          resolve(true);
        } else {
          resolve(false);
        }
      };
      const timer = setTimeout(wake, waitMs);
      this.waiters.add(wake);
    });
  }

  release(): void {
    this.used = Math.max(0, this.used - 1);
    const first = this.waiters.values().next();
    if (!first.done) first.value();
  }

  /** Wakes every waiter with false; later acquires fail at once. */
  close(): void {
    this.closed = true;
    for (const wake of [...this.waiters]) wake();
  }
}
