import { type Delivery, TimeoutError } from "@brokerlab/messaging";
import { numberOf } from "./records.js";

/** Whether a handler acks a delivery: always, never, or as a predicate says. */
export type AckRule = boolean | ((delivery: Delivery) => boolean);

interface Waiter {
  readonly ready: () => boolean;
  readonly resolve: () => void;
}

/**
 * Deliveries received by one subscription (or several), in arrival order, and ways to wait for them. Every
 * count it keeps is updated per push in constant time, so a run of N deliveries costs O(N), not O(N²).
 */
export class Inbox {
  readonly deliveries: Delivery[] = [];
  /** ms since epoch of the last delivery, to tell when deliveries have stopped. */
  lastAt = 0;
  /** The `n` headers seen (see `numberedRecords`): a redelivered record counts once. */
  private readonly seen = new Set<string | undefined>();
  private waiters: Waiter[] = [];

  push(delivery: Delivery): void {
    this.deliveries.push(delivery);
    this.seen.add(delivery.headers.n);
    this.lastAt = Date.now();
    if (this.waiters.length > 0) this.waiters = this.waiters.filter((waiter) => !settled(waiter));
  }

  /** A subscribe handler that records each delivery, then acks it unless `ack` is false or returns false. */
  handler(ack: AckRule = true): (delivery: Delivery) => Promise<void> {
    return async (delivery) => {
      this.push(delivery);
      if (ack === true || (typeof ack === "function" && ack(delivery))) await delivery.ack();
    };
  }

  get count(): number {
    return this.deliveries.length;
  }

  /** Distinct record numbers received (duplicates from redelivery count once). */
  distinct(): number {
    return this.seen.size;
  }

  /** Resolves with the first `count` deliveries; rejects naming what arrived when `ms` pass first. */
  async waitFor(count: number, ms = 20_000): Promise<Delivery[]> {
    await this.until(
      () => this.deliveries.length >= count,
      ms,
      () => new Error(`expected ${count} deliveries within ${ms} ms, got ${this.deliveries.length}`),
    );
    return this.deliveries.slice(0, count);
  }

  /** Resolves once `count` distinct records arrived; rejects with a TimeoutError naming what did. */
  waitForDistinct(count: number, ms: number, what: string): Promise<void> {
    return this.until(
      () => this.seen.size >= count,
      ms,
      () => new TimeoutError(`${what} (got ${this.seen.size} of ${count})`, ms),
    );
  }

  /** The `n` header of each delivery, in arrival order (see `numberedRecords`). */
  numbers(): number[] {
    return this.deliveries.map(numberOf);
  }

  /** Each delivery's value as UTF-8 text, in arrival order. */
  values(): string[] {
    return this.deliveries.map((delivery) => delivery.value.toString("utf8"));
  }

  private until(ready: () => boolean, ms: number, failure: () => Error): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(failure());
      }, ms);
      this.waiters.push(waiter);
    });
  }
}

function settled(waiter: Waiter): boolean {
  if (!waiter.ready()) return false;
  waiter.resolve();
  return true;
}
