import type { Delivery } from "@brokerlab/messaging";
import { TimeoutError } from "@brokerlab/messaging";

/** Deliveries one subscription received, in arrival order, and a way to wait for them. */
export class Inbox {
  readonly deliveries: Delivery[] = [];
  /** ms since epoch of the last delivery, to tell when deliveries have stopped. */
  lastAt = 0;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  push(delivery: Delivery): void {
    this.deliveries.push(delivery);
    this.lastAt = Date.now();
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check()) return true;
      waiter.resolve();
      return false;
    });
  }

  get count(): number {
    return this.deliveries.length;
  }

  /** Distinct record numbers received (duplicates from redelivery count once). */
  distinct(): number {
    return new Set(this.deliveries.map((delivery) => delivery.headers.n)).size;
  }

  /** Resolves once `count` distinct records arrived; rejects with a TimeoutError naming what did. */
  waitForDistinct(count: number, ms: number, what: string): Promise<void> {
    if (this.distinct() >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(new TimeoutError(`${what} (got ${this.distinct()} of ${count})`, ms));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ check: () => this.distinct() >= count, resolve: done });
    });
  }
}
