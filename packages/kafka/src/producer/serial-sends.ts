import type { MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import { approximateSize } from "../records.js";

/** One producer send: the receipts of `records` in order. */
export type SendOnce = (
  topic: string,
  records: readonly MessageRecord[],
  acks: number,
) => Promise<PublishReceipt[]>;

interface Waiting {
  readonly topic: string;
  readonly records: readonly MessageRecord[];
  readonly acks: number;
  readonly resolve: (receipts: PublishReceipt[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Publishes one send at a time; what is published meanwhile waits and goes out together in the next send
 * (same topic and acks, while it fits one send of `maxBytes`), in the order it was published.
 *
 * Why the kafkajs idempotent producer needs it: kafkajs numbers a partition's batches when it sends them and, when
 * a send fails, takes the numbers back before retrying. Its lock is per broker, so after a leader change one send
 * still waits on the old leader while another numbers batches for the new one; the take-back then hands the same
 * sequence numbers out twice, and the broker either stores a retry it already had again (a duplicate) or drops a
 * new batch as if it were that retry. With one send at a time, a retry always reuses its own numbers. Merging
 * what waits keeps the throughput of many small concurrent publishes.
 */
export class SerialSends {
  private readonly waiting: Waiting[] = [];
  private draining = false;

  constructor(
    private readonly sendOnce: SendOnce,
    private readonly maxBytes: (topic: string) => Promise<number>,
  ) {}

  send(topic: string, records: readonly MessageRecord[], acks: number): Promise<PublishReceipt[]> {
    return new Promise<PublishReceipt[]>((resolve, reject) => {
      this.waiting.push({ topic, records, acks, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    for (let first = this.waiting.shift(); first !== undefined; first = this.waiting.shift()) {
      let batch = [first];
      try {
        batch = this.joining(first, await this.maxBytes(first.topic));
        const receipts = await this.sendOnce(
          first.topic,
          batch.flatMap((entry) => entry.records),
          first.acks,
        );
        let at = 0;
        for (const entry of batch) {
          entry.resolve(receipts.slice(at, at + entry.records.length));
          at += entry.records.length;
        }
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.draining = false;
  }

  /** `first` and the publishes right behind it that go to the same topic with the same acks and still fit. */
  private joining(first: Waiting, maxBytes: number): Waiting[] {
    const batch = [first];
    let bytes = sizeOf(first.records);
    for (let next = this.waiting[0]; next !== undefined; next = this.waiting[0]) {
      const more = sizeOf(next.records);
      if (next.topic !== first.topic || next.acks !== first.acks || bytes + more > maxBytes) break;
      batch.push(next);
      bytes += more;
      this.waiting.shift();
    }
    return batch;
  }
}

function sizeOf(records: readonly MessageRecord[]): number {
  let bytes = 0;
  for (const record of records) bytes += approximateSize(record);
  return bytes;
}
