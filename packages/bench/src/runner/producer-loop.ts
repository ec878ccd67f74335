import type { DurabilityLevel, MessageRecord, Publisher } from "@brokerlab/messaging";
import type { KeyDistributor } from "../keys/key-distributor.js";
import { nowMs } from "../metrics/clock.js";
import { RateLimiter } from "../rate/rate-limiter.js";
import type { PayloadSource } from "../workload/payloads.js";
import type { BenchStats } from "./bench-stats.js";

/** Header carrying the producer's send time (ms with µs decimals) for end-to-end latency. */
export const SENT_AT_HEADER = "bl-sent-at";
/** Header marking the ready-check probe, which is not counted. */
export const PROBE_HEADER = "bl-probe";

export interface ProducerLoopOptions {
  readonly publisher: Publisher;
  readonly topic: string;
  readonly rate: number;
  readonly keys: KeyDistributor;
  readonly payloads: PayloadSource;
  readonly batchSize: number;
  readonly maxInflight: number;
  readonly durability: DurabilityLevel;
  readonly stats: BenchStats;
}

/**
 * One producer: takes the messages the rate limiter says are due, sends them in one publish call (at most
 * `batchSize`), keeps at most `maxInflight` calls awaiting their ack. When it cannot keep up, due messages wait and
 * the publish delay (actual − intended send time) grows: that is recorded, not hidden.
 */
export class ProducerLoop {
  private readonly options: ProducerLoopOptions;
  private readonly limiter: RateLimiter;
  private readonly inflight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | undefined;
  private consecutiveErrors = 0;

  constructor(options: ProducerLoopOptions) {
    this.options = options;
    this.limiter = new RateLimiter(options.rate, nowMs());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.limiter.setRate(this.limiter.rate, nowMs());
    this.loop = this.run();
  }

  setRate(rate: number): void {
    this.limiter.setRate(rate, nowMs());
  }

  /** Stops sending and waits (at most `settleMs`) for publishes in flight to be acknowledged. */
  async stop(settleMs = 10_000): Promise<void> {
    this.running = false;
    await this.loop;
    const settled = Promise.allSettled([...this.inflight]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, settleMs).unref())]);
  }

  private async run(): Promise<void> {
    const { batchSize, maxInflight } = this.options;
    while (this.running) {
      if (this.inflight.size >= maxInflight) {
        await Promise.race(this.inflight);
        continue;
      }
      if (this.consecutiveErrors > 0) await sleep(Math.min(1000, 20 * this.consecutiveErrors));
      const now = nowMs();
      const intended = this.limiter.take(now, batchSize);
      if (intended.length === 0) {
        await sleep(this.limiter.nextIntendedMs() - now);
        continue;
      }
      this.send(intended);
      // Let acks and deliveries run between batches even when the broker answers instantly.
      if (this.inflight.size >= 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private send(intended: readonly number[]): void {
    const { publisher, topic, keys, payloads, durability, stats } = this.options;
    const sentAt = nowMs();
    const sentAtText = sentAt.toFixed(3);
    const records: MessageRecord[] = [];
    let bytes = 0;
    for (const time of intended) {
      stats.publishDelay.recordMillis(sentAt - time);
      const value = payloads.next();
      bytes += value.length;
      records.push({
        key: keys.next(),
        value,
        headers: { [SENT_AT_HEADER]: sentAtText },
        timestamp: Math.floor(sentAt),
      });
    }
    const call = publisher.publish(topic, records, { durability }).then(
      () => {
        const latency = nowMs() - sentAt;
        stats.publishLatency.recordMillis(latency, records.length);
        stats.published += records.length;
        stats.publishedBytes += bytes;
        this.consecutiveErrors = 0;
      },
      (error: unknown) => {
        stats.publishErrors += records.length;
        stats.noteError(error);
        this.consecutiveErrors++;
      },
    );
    const tracked = call.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }
}

/**
 * At least one timer tick (1 ms), never a setImmediate: waiting for a message due in less than a millisecond by
 * turning the event loop over and over kept the process busy between records, so the bench's own pacing cost
 * more CPU than the client it measures (78 µs per record at 10,000/s with a publisher that does nothing). Records
 * that fall due during the tick go out together, up to a millisecond late, and that wait is the publish delay.
 */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(1, ms)));
}
