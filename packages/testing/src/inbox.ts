import type { Delivery } from "@brokerlab/messaging";
import { numberOf } from "./records.js";

/** Whether a handler acks a delivery: always, never, or as a predicate says. */
export type AckRule = boolean | ((delivery: Delivery) => boolean);

/** Deliveries received by one subscription (or several), and a way to wait for some of them. */
export class Inbox {
  readonly deliveries: Delivery[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  push(delivery: Delivery): void {
    this.deliveries.push(delivery);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.deliveries.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** A subscribe handler that records each delivery, then acks it unless `ack` is false or returns false. */
  handler(ack: AckRule = true): (delivery: Delivery) => Promise<void> {
    return async (delivery) => {
      this.push(delivery);
      if (ack === true || (typeof ack === "function" && ack(delivery))) await delivery.ack();
    };
  }

  /** Resolves with the first `count` deliveries; rejects naming what arrived when `ms` pass first. */
  waitFor(count: number, ms = 20_000): Promise<Delivery[]> {
    if (this.deliveries.length >= count) return Promise.resolve(this.deliveries.slice(0, count));
    return new Promise((resolve, reject) => {
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.deliveries.slice(0, count));
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`expected ${count} deliveries within ${ms} ms, got ${this.deliveries.length}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  /** The `n` header of each delivery, in arrival order (see `numberedRecords`). */
  numbers(): number[] {
    return this.deliveries.map(numberOf);
  }

  /** Each delivery's value as UTF-8 text, in arrival order. */
  values(): string[] {
    return this.deliveries.map((delivery) => delivery.value.toString("utf8"));
  }
}
