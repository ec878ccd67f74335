import { type DeliveryHandler, type Subscription, TickBatcher } from "@brokerlab/messaging";
import type { Redis } from "ioredis";
import { DeliveryLoop, LoopDelivery, type Settler } from "../delivery-loop.js";
import type { TopicKeys } from "../keys.js";
import { runScript } from "../run-script.js";
import { type RedisSession, sleep } from "../session.js";
import { decodeItem, itemId } from "./envelope.js";
import { FETCH, RECOVER, REQUEUE, SETTLE } from "./scripts.js";

/** Seconds one BLMOVE waits; close() unblocks it at once, this only bounds a lost race. */
const BLOCK_SECONDS = 2;

/**
 * One consumer of a list queue: moves items into its own processing list, keeps a heartbeat key alive, and
 * moves back the processing lists of consumers whose heartbeat expired. On close it gives its unacknowledged
 * items back to the queue at once, so nothing waits for a heartbeat to expire.
 */
export class ListSubscription implements Subscription {
  private readonly consumer: string;
  private readonly processing: string;
  private readonly loop: DeliveryLoop<Buffer>;
  private blocking: Redis | undefined;
  /** The fetch loop has a command out on the blocking connection (a settle written now would wait behind it). */
  private reading = false;
  private blockingId: number | undefined;
  private fetching: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private closing: Promise<void> | undefined;
  /** Acks of one turn settle in one SETTLE call; an ack resolves once Redis replied. */
  private readonly acks = new TickBatcher<LoopDelivery<Buffer>>((deliveries) => this.settle(deliveries));

  constructor(
    private readonly session: RedisSession,
    private readonly topic: string,
    private readonly keys: TopicKeys,
    prefetch: number,
    handler: DeliveryHandler,
    private readonly onClosed: () => void,
  ) {
    this.consumer = session.consumerName();
    this.processing = keys.processing(this.consumer);
    const settler: Settler<Buffer> = {
      ack: (delivery) => this.acks.add(delivery),
      nack: (delivery, requeue) =>
        requeue
          ? this.run(
              REQUEUE,
              [this.processing, this.keys.queue, this.keys.deliveries],
              [delivery.token],
            ).then(ignore)
          : this.acks.add(delivery),
    };
    this.loop = new DeliveryLoop(prefetch, handler, settler);
  }

  async start(): Promise<void> {
    const ttl = this.session.options.abandonedAfterMs;
    await this.heartbeat();
    this.blocking = await this.session.openBlocking("list-consumer");
    this.blockingId = Number(await this.blocking.client("ID"));
    await this.recoverAbandoned();
    this.every(Math.max(100, ttl / 3), () => this.heartbeat());
    this.every(Math.max(200, ttl / 2), () => this.recoverAbandoned());
    this.fetching = this.fetchLoop(this.blocking);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.loop.stop();
    for (const timer of this.timers) clearInterval(timer);
    const redis = await this.session.connection();
    if (this.blockingId !== undefined) await redis.client("UNBLOCK", this.blockingId).catch(() => {});
    await this.fetching;
    // Settles written on it so far are answered before QUIT; later ones take the command connection.
    const blocking = this.blocking;
    this.blocking = undefined;
    await blocking?.quit().catch(() => blocking.disconnect());
    await this.loop.idle();
    // Acks still gathering go out first: recovery would otherwise put their items back in the queue.
    await this.acks.drain();
    // Without a heartbeat RECOVER treats this consumer as gone and gives everything unacknowledged back.
    await redis.del(this.keys.alive(this.consumer));
    await this.recover(redis, this.consumer);
    this.onClosed();
  }

  private async fetchLoop(blocking: Redis): Promise<void> {
    const { queue, deliveries } = this.keys;
    const { processing } = this;
    while (!this.loop.stopping) {
      if (this.loop.room === 0) await this.loop.waitForRoom();
      if (this.loop.stopping) break;
      this.reading = true;
      try {
        const [items, returned] = (await runScript(
          blocking,
          FETCH,
          [queue, processing, deliveries],
          [this.loop.room],
        )) as [Buffer[], number[]];
        if (items.length === 0 && !this.loop.stopping) {
          const item = await blocking.blmoveBuffer(queue, processing, "RIGHT", "LEFT", BLOCK_SECONDS);
          if (item !== null) {
            items.push(item);
            returned.push(Number(await blocking.hget(deliveries, itemId(item) ?? "?")));
          }
        }
        this.reading = false;
        for (let i = 0; i < items.length; i++) this.deliver(items[i] as Buffer, (returned[i] ?? 0) > 0);
      } catch {
        this.reading = false;
        // Connection trouble: ioredis reconnects; try again shortly unless we are closing.
        if (!this.loop.stopping) await sleep(500);
      }
    }
  }

  private deliver(item: Buffer, redelivered: boolean): void {
    let decoded: ReturnType<typeof decodeItem>;
    try {
      decoded = decodeItem(item);
    } catch {
      // Not written by this adapter: drop it rather than loop on it forever.
      void this.run(SETTLE, [this.processing, this.keys.deliveries], [item]).catch(ignore);
      return;
    }
    const { id } = decoded;
    this.loop.dispatch(
      new LoopDelivery(
        this.loop,
        item,
        this.topic,
        decoded.key,
        decoded.value,
        decoded.headers,
        decoded.timestamp,
        { partition: 0, offset: id },
        redelivered,
      ),
    );
  }

  private async heartbeat(): Promise<void> {
    const redis = await this.session.connection();
    await redis
      .multi()
      .set(this.keys.alive(this.consumer), "1", "PX", this.session.options.abandonedAfterMs)
      .sadd(this.keys.consumers, this.consumer)
      .exec();
  }

  private async recoverAbandoned(): Promise<void> {
    const redis = await this.session.connection();
    for (const consumer of await redis.smembers(this.keys.consumers)) {
      if (consumer !== this.consumer) await this.recover(redis, consumer);
    }
  }

  private recover(redis: Redis, consumer: string): Promise<unknown> {
    const { queue, consumers, deliveries } = this.keys;
    return runScript(
      redis,
      RECOVER,
      [this.keys.processing(consumer), queue, consumers, this.keys.alive(consumer), deliveries],
      [consumer],
    );
  }

  /**
   * One SETTLE call for the acks of one turn. With no command out on the blocking connection it goes there:
   * written ahead of the next FETCH, Redis has it before it moves more items, so the slots free at once and the
   * next fetch follows without waiting for the reply (one round trip per batch, as a plain LMOVE + LREM loop
   * does). Otherwise it takes the command connection and the slots free on the reply.
   */
  private settle(settled: readonly LoopDelivery<Buffer>[]): Promise<void> {
    const args = new Array<Buffer>(settled.length);
    for (let i = 0; i < settled.length; i++) args[i] = (settled[i] as LoopDelivery<Buffer>).token;
    const keys = [this.processing, this.keys.deliveries];
    const blocking = this.blocking;
    if (blocking !== undefined && !this.reading) {
      const sent = runScript(blocking, SETTLE, keys, args);
      this.releaseAll(settled);
      return sent.then(ignore);
    }
    const release = () => this.releaseAll(settled);
    const sent = this.run(SETTLE, keys, args);
    sent.then(release, release);
    return sent.then(ignore);
  }

  private releaseAll(deliveries: readonly LoopDelivery<Buffer>[]): void {
    for (const delivery of deliveries) this.loop.release(delivery);
  }

  private async run(script: string, keys: string[], args: readonly (string | Buffer)[]): Promise<unknown> {
    return runScript(await this.session.connection(), script, keys, args);
  }

  private every(ms: number, task: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      task()
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

const ignore = (): void => {};
