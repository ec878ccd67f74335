import {
  type Delivery,
  type DeliveryHandler,
  type Subscription,
  TimeoutError,
  withTimeout,
} from "@brokerlab/messaging";
import { type Job, type RedisOptions, UnrecoverableError, Worker } from "bullmq";
import type { RedisSession } from "../session.js";
import { decodeJobData, type JobData } from "./job-data.js";

interface OpenJob {
  reject(error: Error): void;
}

/**
 * How many jobs the worker may fetch beyond those the handler holds. BullMQ fills its whole concurrency, one
 * moveToActive round trip per job, before it starts the first of them; with concurrency = prefetch = 1000 on a
 * Redis busy with publishes that took seconds each time the queue had run dry (the bench consumed 24 msg/s).
 * Measured: 100 to 200 consume as fast as larger windows. The window still grows up to `prefetch` when the
 * handler keeps deliveries unacknowledged, so prefetch keeps its meaning.
 */
const FETCH_AHEAD = 100;

/**
 * A BullMQ Worker whose processor returns a promise the delivery settles: ack() completes the job,
 * nack() fails it (requeue: retried per attempts; no requeue: UnrecoverableError, straight to the failed set).
 * Handlers run one at a time in the order the worker starts jobs; up to `prefetch` jobs are active at once.
 * A worker that dies without settling loses its job lock; the stalled checker of a live worker moves the job
 * back to wait after `abandonedAfterMs`.
 */
export class BullMqSubscription implements Subscription {
  private readonly worker: Worker<JobData>;
  private readonly open = new Map<string, OpenJob>();
  private readonly finishing = new Map<string, () => void>();
  private chain: Promise<void> = Promise.resolve();
  private window: number;
  private stopping = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly session: RedisSession,
    private readonly topic: string,
    connection: RedisOptions,
    private readonly prefetch: number,
    private readonly handler: DeliveryHandler,
    private readonly onClosed: () => void,
  ) {
    const lockDuration = session.options.abandonedAfterMs;
    this.window = Math.min(prefetch, FETCH_AHEAD);
    this.worker = new Worker<JobData>(topic, (job) => this.process(job), {
      connection,
      prefix: session.options.keyPrefix,
      name: session.consumerName(),
      concurrency: this.window,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      // A job whose worker vanished goes back to wait every time, as any unacknowledged record does.
      maxStalledCount: 1_000_000,
      drainDelay: 2,
    });
    // Errors surface on ack/nack; without a listener the EventEmitter would throw them.
    this.worker.on("error", () => {});
    this.worker.on("completed", (job) => this.finished(job.id));
    this.worker.on("failed", (job) => this.finished(job?.id));
  }

  async start(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.stopping = true;
    const workerClosed = this.worker.close();
    await this.chain;
    // Jobs handed out but never settled fail back to wait (one attempt used), so close never waits on them.
    for (const job of this.open.values())
      job.reject(new Error("subscription closed before the job was acknowledged"));
    this.open.clear();
    await workerClosed;
    this.onClosed();
  }

  private process(job: Job<JobData>): Promise<void> {
    const id = job.id ?? "";
    if (this.stopping) return Promise.reject(new Error("subscription closing; the job goes back to wait"));
    return new Promise<void>((resolve, reject) => {
      this.open.set(id, { reject });
      this.fitWindow();
      let settled: Promise<void> | undefined;
      const settle = (outcome: () => void): Promise<void> => {
        if (settled === undefined) {
          if (this.open.delete(id)) {
            this.fitWindow();
            settled = this.whenFinished(id);
            outcome();
          } else {
            settled = Promise.resolve(); // already given back by close()
          }
        }
        return settled;
      };
      const { key, headers, value } = decodeJobData(job.data);
      const delivery: Delivery = {
        topic: this.topic,
        key,
        headers,
        value,
        timestamp: job.timestamp,
        position: { partition: 0, offset: id },
        redelivered: job.attemptsStarted > 1 || job.attemptsMade > 0 || job.stalledCounter > 0,
        ack: () => settle(() => resolve()),
        nack: (options) =>
          settle(() =>
            reject(
              options?.requeue === false
                ? new UnrecoverableError("nacked without requeue")
                : new Error("nacked with requeue"),
            ),
          ),
      };
      this.chain = this.chain.then(async () => {
        if (this.stopping) return; // close() gives it back
        try {
          await this.handler(delivery);
        } catch {
          if (settled === undefined) void delivery.nack({ requeue: true }).catch(() => {});
        }
      });
    });
  }

  /** Worker concurrency = the jobs the handler holds + FETCH_AHEAD, at most prefetch (see FETCH_AHEAD). */
  private fitWindow(): void {
    const window = Math.min(this.prefetch, this.open.size + FETCH_AHEAD);
    if (window === this.window) return;
    this.window = window;
    this.worker.concurrency = window;
  }

  /** Resolves once BullMQ has moved the job to completed / failed / wait (its events fire after the move). */
  private whenFinished(id: string): Promise<void> {
    const ms = Math.max(10_000, this.session.options.abandonedAfterMs);
    const finished = new Promise<void>((resolve) => this.finishing.set(id, resolve));
    return withTimeout(finished, ms, `settling BullMQ job ${id} of ${this.topic}`).catch((error: unknown) => {
      this.finishing.delete(id);
      throw error instanceof TimeoutError ? error : new Error(String(error));
    });
  }

  private finished(id: string | undefined): void {
    if (id === undefined) return;
    const resolve = this.finishing.get(id);
    this.finishing.delete(id);
    resolve?.();
  }
}
