import {
  formatPosition,
  type MessagingClient,
  type StartPosition,
  type Subscription,
} from "@brokerlab/messaging";
import type { ReadEvent, Reader } from "./history.js";

/** A subscription that writes every delivery, and when its acknowledgement resolved, into the history. */
export class RecordingReader {
  lastAt = 0;
  count = 0;
  private subscription: Subscription | undefined;

  constructor(
    readonly reader: Reader,
    private readonly now: () => number,
    private readonly write: (event: ReadEvent) => void,
  ) {}

  async start(client: MessagingClient, topic: string, group: string, from: StartPosition): Promise<void> {
    this.lastAt = this.now();
    this.subscription = await client.subscribe(topic, { group, from, prefetch: 50 }, async (delivery) => {
      const t = this.now();
      this.lastAt = t;
      this.count++;
      const n = Number(delivery.headers.n);
      const base = {
        type: "read" as const,
        reader: this.reader,
        id: delivery.headers.n !== undefined && Number.isSafeInteger(n) ? n : null,
        key: delivery.key,
        position: formatPosition(delivery.position),
        t,
      };
      try {
        await delivery.ack();
        this.write({ ...base, ackedAt: this.now() });
      } catch {
        // The ack did not reach the broker (connection lost mid-failover): the record may come again.
        this.write(base);
      }
    });
  }

  /**
   * Resolves once at least `stored` records arrived and then nothing for `idleMs` (true), or `maxMs` passed
   * (false). `stored` (what the destination held when the reader started) keeps a reader whose first fetch is
   * slow (a loaded machine, a group still settling after the failover) from counting as done before it read.
   */
  async settle(idleMs: number, maxMs: number, stored = 0): Promise<boolean> {
    const until = this.now() + maxMs;
    for (;;) {
      const now = this.now();
      if (this.count >= stored && now - this.lastAt >= idleMs) return true;
      if (now >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async close(): Promise<void> {
    await this.subscription?.close().catch(() => undefined);
  }
}
