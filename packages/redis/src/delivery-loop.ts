import type { Delivery, DeliveryHandler } from "@brokerlab/messaging";

/** How one delivery is settled at the broker. */
export interface Settlement {
  ack(): Promise<void>;
  nack(requeue: boolean): Promise<void>;
}

export type DeliveryFields = Omit<Delivery, "ack" | "nack">;

/**
 * Hands deliveries to the handler one at a time, in the order they were fetched, and counts the ones not yet
 * settled so the fetch loop never holds more than `prefetch`. A handler that throws before settling nacks with
 * requeue. After stop(), deliveries not yet handed out are skipped: the subscription gives them back.
 */
export class DeliveryLoop {
  private unsettled = 0;
  private chain: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly prefetch: number,
    private readonly handler: DeliveryHandler,
  ) {}

  /** How many more deliveries may be fetched now. */
  get room(): number {
    return Math.max(0, this.prefetch - this.unsettled);
  }

  get stopping(): boolean {
    return this.stopped;
  }

  /** Resolves once there is room for another delivery, or the loop stops. */
  async waitForRoom(): Promise<void> {
    while (!this.stopped && this.unsettled >= this.prefetch) {
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
      });
    }
  }

  dispatch(fields: DeliveryFields, settlement: Settlement): void {
    this.unsettled += 1;
    let settled: Promise<void> | undefined;
    // The slot frees once the broker has the ack or nack: freeing it on the call let the fetch loop take the
    // next record before a requeued one was back at the head, so "prefetch 1" could hold two.
    const settle = (how: () => Promise<void>): Promise<void> => {
      settled ??= how().finally(() => {
        this.unsettled -= 1;
        this.wake();
      });
      return settled;
    };
    const delivery: Delivery = {
      ...fields,
      ack: () => settle(() => settlement.ack()),
      nack: (options) => settle(() => settlement.nack(options?.requeue ?? true)),
    };
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await this.handler(delivery);
      } catch {
        if (settled === undefined) await delivery.nack({ requeue: true }).catch(() => {});
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  /** Resolves once the handler running now (if any) has returned. */
  idle(): Promise<void> {
    return this.chain;
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }
}
