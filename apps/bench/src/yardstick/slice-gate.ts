/**
 * Paces a consume slice: every record a consumer hands over while no slice is open, or once the open slice has
 * its count, is held (the handler gets a promise, so the consumer stops at its prefetch window); `open(n)`
 * releases what is held and lets records through, counting them, until `n` went through. Both paths of the
 * consume yardstick share one gate, and only one path has records at a time.
 */
export class SliceGate {
  private held: (() => void)[] = [];
  private wanted = 0;
  private counted = 0;
  private reached: (() => void) | undefined;

  /** Records counted in the open slice (or the last one). */
  get count(): number {
    return this.counted;
  }

  /** Records waiting for the next slice. */
  get holding(): number {
    return this.held.length;
  }

  /** Per record, before its acknowledgement: undefined lets it through now, a promise holds it. */
  readonly pass = (): Promise<void> | undefined => {
    if (this.counted < this.wanted) {
      this.take();
      return undefined;
    }
    return new Promise<void>((resolve) => this.held.push(resolve));
  };

  /** Opens a slice of `records`; resolves once that many went through (the held ones first). */
  open(records: number): Promise<void> {
    this.wanted = records;
    this.counted = 0;
    const reached = new Promise<void>((resolve) => {
      this.reached = resolve;
    });
    const held = this.held;
    this.held = [];
    for (const release of held) {
      if (this.counted < this.wanted) {
        this.take();
        release();
      } else this.held.push(release);
    }
    if (records <= 0) this.reached?.();
    return reached;
  }

  /** Ends the slice where it is (a slice that ran out of time): records from now on are held. */
  close(): number {
    this.wanted = this.counted;
    return this.counted;
  }

  /**
   * Lets every record through from now on, held ones first, uncounted: before the consumers close (a target whose
   * close waits for its running handler would otherwise wait for a slice that never comes).
   */
  release(): void {
    this.wanted = Number.POSITIVE_INFINITY;
    this.reached = undefined;
    const held = this.held;
    this.held = [];
    for (const resume of held) resume();
  }

  private take(): void {
    this.counted += 1;
    if (this.counted === this.wanted) this.reached?.();
  }
}
