import type { PublishReceipt } from "@brokerlab/messaging";

/**
 * One publish waiting for its delivery reports: resolves with the receipts in record order once every record is
 * reported, or rejects with the first error once every record is settled (nothing is left in flight then).
 * While records are in flight it holds their partitions and offsets in two arrays, not an object per record: the
 * receipts are made once, when the publish resolves.
 */
export class PendingPublish {
  readonly done: Promise<PublishReceipt[]>;
  private readonly partitions: number[];
  private readonly offsets: number[];
  private remaining: number;
  private error: unknown;
  // Set by the promise's executor, which runs at once (no function made per publish to initialise them).
  private resolve!: (receipts: PublishReceipt[]) => void;
  private reject!: (error: unknown) => void;

  constructor(readonly count: number) {
    this.partitions = new Array<number>(count).fill(0);
    this.offsets = new Array<number>(count).fill(-1);
    this.remaining = count;
    this.done = new Promise<PublishReceipt[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    if (count === 0) this.resolve([]);
  }

  /** acks=0 reports no offset (librdkafka gives -1001): such a record has no position. */
  delivered(index: number, partition: number, offset: number): void {
    this.partitions[index] = partition;
    this.offsets[index] = offset;
    this.settle(1);
  }

  failed(_index: number, error: unknown): void {
    this.error ??= error;
    this.settle(1);
  }

  /** `count` records were never queued (the first of them failed with `error`): they get no report. */
  abandon(count: number, error: unknown): void {
    this.error ??= error;
    this.settle(count);
  }

  private settle(count: number): void {
    this.remaining -= count;
    if (this.remaining > 0) return;
    if (this.error === undefined) this.resolve(this.receipts());
    else this.reject(this.error);
  }

  private receipts(): PublishReceipt[] {
    const receipts = new Array<PublishReceipt>(this.count);
    for (let index = 0; index < this.count; index++) {
      const offset = this.offsets[index] ?? -1;
      receipts[index] =
        offset >= 0 ? { position: { partition: this.partitions[index] ?? 0, offset: String(offset) } } : {};
    }
    return receipts;
  }
}
