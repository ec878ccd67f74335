import type { PublishReceipt } from "@brokerlab/messaging";

/**
 * One publish waiting for its delivery reports: resolves with the receipts in record order once every record is
 * reported, or rejects with the first error once every record is settled (nothing is left in flight then).
 */
export class PendingPublish {
  readonly done: Promise<PublishReceipt[]>;
  private readonly receipts: PublishReceipt[];
  private remaining: number;
  private error: unknown;
  private resolve: (receipts: PublishReceipt[]) => void = () => {};
  private reject: (error: unknown) => void = () => {};

  constructor(count: number) {
    this.receipts = new Array<PublishReceipt>(count);
    this.remaining = count;
    this.done = new Promise<PublishReceipt[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    if (count === 0) this.resolve(this.receipts);
  }

  /** acks=0 reports no offset (librdkafka gives -1001): such a record has no position. */
  delivered(index: number, partition: number, offset: number): void {
    this.receipts[index] = offset >= 0 ? { position: { partition, offset: String(offset) } } : {};
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
    if (this.error === undefined) this.resolve(this.receipts);
    else this.reject(this.error);
  }
}
