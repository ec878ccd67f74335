import type { Delivery, DeliveryHandler, Position } from "@brokerlab/messaging";

/**
 * How a subscription settles its deliveries at the broker: one object per subscription, not closures per
 * delivery. `ack` must call `loop.release(delivery)` once the next fetch may take the delivery's place — when
 * Redis replied to the ack, or earlier once the ack is written ahead of the next read on the fetch connection
 * (Redis serves one connection's commands in order, so it has the ack before it hands out another record) — and
 * at the latest when the returned promise settles. A nack frees its slot when its promise settles: a requeued
 * record must be back at the head, or re-delivered in the slot, before the fetch loop takes the next one.
 */
export interface Settler<T> {
  ack(delivery: LoopDelivery<T>): Promise<void>;
  nack(delivery: LoopDelivery<T>, requeue: boolean): Promise<void>;
}

/** One delivery of a DeliveryLoop: the contract's fields, ack/nack on the prototype, the broker's token. */
export class LoopDelivery<T> implements Delivery {
  /** Counted against prefetch until the loop releases it. */
  holdsSlot = true;
  /** The first settlement's promise: a second ack or nack returns it and does nothing. */
  settled: Promise<void> | undefined;

  constructor(
    private readonly loop: DeliveryLoop<T>,
    /** What the subscription settles it by (a stream id, a list item). */
    readonly token: T,
    readonly topic: string,
    readonly key: string | null,
    readonly value: Buffer,
    readonly headers: Readonly<Record<string, string>>,
    readonly timestamp: number,
    readonly position: Position,
    readonly redelivered: boolean,
  ) {}

  ack(): Promise<void> {
    this.settled ??= this.loop.settleAck(this);
    return this.settled;
  }

  nack(options?: { requeue?: boolean }): Promise<void> {
    this.settled ??= this.loop.settleNack(this, options?.requeue ?? true);
    return this.settled;
  }
}

const ignore = (): void => {};

/**
 * Hands deliveries to the handler one at a time, in the order they were fetched, and counts the ones not yet
 * released so the fetch loop never holds more than `prefetch`. A handler that throws (or rejects) before settling
 * nacks with requeue. A handler that returns no promise costs no promise: the loop runs the next delivery
 * straight away. After stop(), deliveries not yet handed out are skipped: the subscription gives them back.
 */
export class DeliveryLoop<T> {
  private unsettled = 0;
  private readonly queue: (LoopDelivery<T> | undefined)[] = [];
  private next = 0;
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private wakeUp: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly prefetch: number,
    private readonly handler: DeliveryHandler,
    private readonly settler: Settler<T>,
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

  /** Counts the delivery against prefetch and queues it for the handler. */
  dispatch(delivery: LoopDelivery<T>): void {
    this.unsettled += 1;
    this.queue.push(delivery);
    if (!this.running) {
      this.running = true;
      queueMicrotask(this.drain);
    }
  }

  /** The delivery's slot is free (once; later calls do nothing). */
  release(delivery: LoopDelivery<T>): void {
    if (!delivery.holdsSlot) return;
    delivery.holdsSlot = false;
    this.unsettled -= 1;
    const wakeUp = this.wakeUp;
    if (wakeUp !== undefined && this.unsettled < this.prefetch) {
      this.wakeUp = undefined;
      wakeUp();
    }
  }

  settleAck(delivery: LoopDelivery<T>): Promise<void> {
    return this.settler.ack(delivery);
  }

  settleNack(delivery: LoopDelivery<T>, requeue: boolean): Promise<void> {
    const settling = this.settler.nack(delivery, requeue);
    const release = () => this.release(delivery);
    settling.then(release, release);
    return settling;
  }

  stop(): void {
    this.stopped = true;
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  /** Resolves once the handler running now (if any) has returned. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs queued deliveries until one returns a promise (resumed when it settles) or none is left. */
  private readonly drain = (): void => {
    const { queue } = this;
    while (this.next < queue.length && !this.stopped) {
      const delivery = queue[this.next];
      // Handed out: the queue no longer keeps it alive.
      queue[this.next] = undefined;
      this.next += 1;
      if (delivery === undefined) continue;
      let result: Promise<void> | void;
      try {
        result = this.handler(delivery);
      } catch {
        this.failed(delivery);
        continue;
      }
      if (result instanceof Promise) {
        result.then(this.drain, () => {
          this.failed(delivery);
          this.drain();
        });
        return;
      }
    }
    queue.length = 0;
    this.next = 0;
    this.running = false;
    const waiters = this.idleWaiters;
    if (waiters.length === 0) return;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  private failed(delivery: LoopDelivery<T>): void {
    if (delivery.settled === undefined) delivery.nack({ requeue: true }).catch(ignore);
  }
}
