/** Items gathered for one flush, and the promise every one of them was given. */
interface Batch<T> {
  readonly items: T[];
  readonly done: Promise<void>;
  settle(outcome: Promise<void>): void;
}

/**
 * Gathers work items handed in during one turn of the event loop and hands them to `flush` together, on the
 * next turn (setImmediate: after the I/O callbacks that delivered the records and the handlers they ran).
 * Every item's promise is the promise of the flush that carries it, so a caller learns what the broker said
 * about its item, not merely that it was queued. Acknowledgements use it: one XACK with many ids, one AMQP
 * `multiple` ack, one script call, instead of one socket write per record.
 */
export class TickBatcher<T> {
  private current: Batch<T> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly flush: (items: T[]) => Promise<void>) {}

  /** Items waiting for the next flush. */
  get size(): number {
    return this.current?.items.length ?? 0;
  }

  add(item: T): Promise<void> {
    let batch = this.current;
    if (batch === undefined) {
      batch = this.open();
      const scheduled = batch;
      setImmediate(() => {
        if (this.current === scheduled) this.flushCurrent();
      });
    }
    batch.items.push(item);
    return batch.done;
  }

  /** Flushes what is pending now, then resolves once every flush started so far has settled (errors too). */
  async drain(): Promise<void> {
    this.flushCurrent();
    await Promise.allSettled([...this.inFlight]);
  }

  private open(): Batch<T> {
    let settle: (outcome: Promise<void>) => void = () => {};
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    // Nobody may be listening (fire-and-forget acks): the rejection is theirs to observe, not the process's.
    done.catch(() => {});
    const batch: Batch<T> = { items: [], done, settle };
    this.current = batch;
    return batch;
  }

  private flushCurrent(): void {
    const batch = this.current;
    this.current = undefined;
    if (batch === undefined || batch.items.length === 0) return;
    let flushing: Promise<void>;
    try {
      flushing = this.flush(batch.items);
    } catch (error) {
      flushing = Promise.reject(error);
    }
    batch.settle(flushing);
    this.inFlight.add(flushing);
    const forget = () => this.inFlight.delete(flushing);
    flushing.then(forget, forget);
  }
}
