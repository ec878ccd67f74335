import { type DeliveryHandler, type Subscription, TimeoutError } from "@brokerlab/messaging";
import { type Job, type RedisOptions, UnrecoverableError, Worker } from "bullmq";
import { DeliveryLoop, LoopDelivery, type Settler } from "../delivery-loop.js";
import type { RedisSession } from "../session.js";
import { decodeJobData, type JobData } from "./job-data.js";

/** A job handed to the handler: its processor's promise, which settling the delivery resolves or rejects. */
interface OpenJob {
  readonly id: string;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * How many jobs the worker may fetch beyond those the handler holds. BullMQ fills its whole concurrency, one
 * moveToActive round trip per job, before it starts the first of them; with concurrency = prefetch = 1000 on a
 * Redis busy with publishes that took seconds each time the queue had run dry (the bench consumed 24 msg/s).
 * Measured: 100 to 200 consume as fast as larger windows. The window still grows up to `prefetch` when the
 * handler keeps deliveries unacknowledged, so prefetch keeps its meaning.
 */
const FETCH_AHEAD = 100;
/** How often acks still waiting for BullMQ's move are checked against their deadline (one timer for all). */
const FINISH_SWEEP_MS = 1_000;

/** An ack or nack waiting for BullMQ to move its job, and when it gives up. */
interface Finishing {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly deadline: number;
}

/**
 * A BullMQ Worker whose processor returns a promise the delivery settles: ack() completes the job,
 * nack() fails it (requeue: retried per attempts; no requeue: UnrecoverableError, straight to the failed set).
 * Handlers run one at a time in the order the worker starts jobs (the Redis adapters' DeliveryLoop, with its
 * deliveries' ack and nack on the prototype: no closures per job); up to `prefetch` jobs are active at once.
 * A worker that dies without settling loses its job lock; the stalled checker of a live worker moves the job
 * back to wait after `abandonedAfterMs`.
 */
export class BullMqSubscription implements Subscription {
  private readonly worker: Worker<JobData>;
  private readonly loop: DeliveryLoop<OpenJob>;
  private readonly open = new Map<string, OpenJob>();
  private readonly finishing = new Map<string, Finishing>();
  private sweeper: NodeJS.Timeout | undefined;
  private readonly finishMs: number;
  private window: number;
  private closing: Promise<void> | undefined;

  constructor(
    session: RedisSession,
    private readonly topic: string,
    connection: RedisOptions,
    private readonly prefetch: number,
    handler: DeliveryHandler,
    private readonly onClosed: () => void,
  ) {
    const lockDuration = session.options.abandonedAfterMs;
    this.finishMs = Math.max(10_000, lockDuration);
    this.window = Math.min(prefetch, FETCH_AHEAD);
    const settler: Settler<OpenJob> = {
      ack: (delivery) => this.settle(delivery, undefined),
      nack: (delivery, requeue) =>
        this.settle(
          delivery,
          requeue ? new Error("nacked with requeue") : new UnrecoverableError("nacked without requeue"),
        ),
    };
    // prefetch is the worker's concurrency here, not the loop's: the loop only runs the handlers in order.
    this.loop = new DeliveryLoop(Number.POSITIVE_INFINITY, handler, settler);
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
    this.loop.stop();
    const workerClosed = this.worker.close();
    await this.loop.idle();
    // Jobs handed out but never settled fail back to wait (one attempt used), so close never waits on them.
    for (const job of this.open.values())
      job.reject(new Error("subscription closed before the job was acknowledged"));
    this.open.clear();
    await workerClosed;
    this.onClosed();
  }

  private process(job: Job<JobData>): Promise<void> {
    if (this.loop.stopping) return Promise.reject(new Error("subscription closing; the job goes back to wait"));
    return new Promise<void>((resolve, reject) => {
      const id = job.id ?? "";
      const open: OpenJob = { id, resolve, reject };
      this.open.set(id, open);
      this.fitWindow();
      const { key, headers, value } = decodeJobData(job.data);
      const redelivered = job.attemptsStarted > 1 || job.attemptsMade > 0 || job.stalledCounter > 0;
      const position = { partition: 0, offset: id };
      this.loop.dispatch(
        new LoopDelivery(
          this.loop,
          open,
          this.topic,
          key,
          value,
          headers,
          job.timestamp,
          position,
          redelivered,
        ),
      );
    });
  }

  /**
   * The first settlement of a delivery: its job's processor resolves (ack) or rejects with `error` (nack), and
   * the promise resolves once BullMQ has moved the job. A job close() already gave back settles nothing.
   */
  private settle(delivery: LoopDelivery<OpenJob>, error: Error | undefined): Promise<void> {
    const job = delivery.token;
    this.loop.release(delivery);
    if (!this.open.delete(job.id)) return Promise.resolve();
    this.fitWindow();
    const finished = this.whenFinished(job.id);
    if (error === undefined) job.resolve();
    else job.reject(error);
    return finished;
  }

  /** Worker concurrency = the jobs the handler holds + FETCH_AHEAD, at most prefetch (see FETCH_AHEAD). */
  private fitWindow(): void {
    const window = Math.min(this.prefetch, this.open.size + FETCH_AHEAD);
    if (window === this.window) return;
    this.window = window;
    this.worker.concurrency = window;
  }

  /**
   * Resolves once BullMQ has moved the job to completed / failed / wait (its events fire after the move); one
   * sweeping timer fails those that take longer than finishMs, instead of a timer per job.
   */
  private whenFinished(id: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.finishing.set(id, { resolve, reject, deadline: performance.now() + this.finishMs });
      if (this.sweeper === undefined) {
        this.sweeper = setInterval(() => this.sweepFinishing(), FINISH_SWEEP_MS);
        this.sweeper.unref();
      }
    });
  }

  private sweepFinishing(): void {
    const now = performance.now();
    for (const [id, waiting] of this.finishing) {
      if (waiting.deadline > now) continue;
      this.finishing.delete(id);
      waiting.reject(new TimeoutError(`settling BullMQ job ${id} of ${this.topic}`, this.finishMs));
    }
    if (this.finishing.size === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private finished(id: string | undefined): void {
    if (id === undefined) return;
    const waiting = this.finishing.get(id);
    if (waiting === undefined) return;
    this.finishing.delete(id);
    waiting.resolve();
  }
}
