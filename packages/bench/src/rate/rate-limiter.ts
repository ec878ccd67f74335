/**
 * Paces sends at a fixed rate on a schedule: message n is *intended* to go at `start + n / rate`. A producer that
 * falls behind does not lose its schedule, so the gap between intended and actual send time (the publish delay)
 * shows coordinated omission instead of hiding it. Times are milliseconds from the caller's clock.
 */
export class RateLimiter {
  private ratePerSecond: number;
  private anchorMs: number;
  private issued = 0;

  /** `ratePerSecond` 0 or Infinity means unlimited: every message is due at once. */
  constructor(ratePerSecond: number, startMs: number) {
    this.ratePerSecond = ratePerSecond;
    this.anchorMs = startMs;
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  private get unlimited(): boolean {
    return !(this.ratePerSecond > 0) || !Number.isFinite(this.ratePerSecond);
  }

  /** When the next message is intended to go (for an unlimited limiter: the anchor, i.e. now). */
  nextIntendedMs(): number {
    if (this.unlimited) return this.anchorMs;
    return this.anchorMs + (this.issued * 1000) / this.ratePerSecond;
  }

  /**
   * Takes up to `max` messages whose intended time is at or before `nowMs` and returns their intended times,
   * oldest first. An unlimited limiter returns `max` messages intended at `nowMs`.
   */
  take(nowMs: number, max: number): number[] {
    if (this.unlimited) {
      this.anchorMs = nowMs;
      return new Array<number>(max).fill(nowMs);
    }
    const due = Math.floor(((nowMs - this.anchorMs) * this.ratePerSecond) / 1000) + 1 - this.issued;
    const count = Math.max(0, Math.min(max, due));
    const times: number[] = [];
    for (let i = 0; i < count; i++)
      times.push(this.anchorMs + ((this.issued + i) * 1000) / this.ratePerSecond);
    this.issued += count;
    return times;
  }

  /** Changes the rate from `nowMs` on; the backlog of due-but-unsent messages is dropped with the old schedule. */
  setRate(ratePerSecond: number, nowMs: number): void {
    this.ratePerSecond = ratePerSecond;
    this.anchorMs = nowMs;
    this.issued = 0;
  }
}
