import { type DeliveryHandler, type Subscription, TickBatcher } from "@brokerlab/messaging";
import type { Redis } from "ioredis";
import { DeliveryLoop } from "../delivery-loop.js";
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
  private readonly loop: DeliveryLoop;
  private blocking: Redis | undefined;
  private blockingId: number | undefined;
  private fetching: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private closing: Promise<void> | undefined;
  /** Acks of one turn settle in one SETTLE call (item, id pairs); an ack resolves once Redis replied. */
  private readonly acks = new TickBatcher<readonly [Buffer, string]>((settled) =>
    this.settle(settled.flat()),
  );

  constructor(
    private readonly session: RedisSession,
    private readonly topic: string,
    private readonly keys: TopicKeys,
    prefetch: number,
    handler: DeliveryHandler,
    private readonly onClosed: () => void,
  ) {
    this.consumer = session.consumerName();
    this.loop = new DeliveryLoop(prefetch, handler);
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
    await this.blocking?.quit().catch(() => this.blocking?.disconnect());
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
    const processing = this.keys.processing(this.consumer);
    while (!this.loop.stopping) {
      await this.loop.waitForRoom();
      if (this.loop.stopping) break;
      try {
        const reply = (await runScript(
          blocking,
          FETCH,
          [queue, processing, deliveries],
          [this.loop.room],
        )) as (Buffer | number)[];
        for (let i = 0; i + 1 < reply.length; i += 2) this.deliver(reply[i] as Buffer, Number(reply[i + 1]));
        if (reply.length > 0 || this.loop.stopping) continue;
        const item = await blocking.blmoveBuffer(queue, processing, "RIGHT", "LEFT", BLOCK_SECONDS);
        if (item === null) continue;
        this.deliver(item, await blocking.hincrby(deliveries, itemId(item) ?? "?", 1));
      } catch {
        // Connection trouble: ioredis reconnects; try again shortly unless we are closing.
        if (!this.loop.stopping) await sleep(500);
      }
    }
  }

  private deliver(item: Buffer, deliveryCount: number): void {
    const processing = this.keys.processing(this.consumer);
    let decoded: ReturnType<typeof decodeItem>;
    try {
      decoded = decodeItem(item);
    } catch {
      // Not written by this adapter: drop it rather than loop on it forever.
      void this.acks.add([item, "?"]).catch(() => {});
      return;
    }
    const { id, key, headers, timestamp, value } = decoded;
    this.loop.dispatch(
      {
        topic: this.topic,
        key,
        value,
        headers,
        timestamp,
        position: { partition: 0, offset: id },
        redelivered: deliveryCount > 1,
      },
      {
        ack: () => this.acks.add([item, id]),
        nack: async (requeue) => {
          if (requeue) await this.run(REQUEUE, [processing, this.keys.queue], [item]);
          else await this.acks.add([item, id]);
        },
      },
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
    const { queue, consumers } = this.keys;
    return runScript(
      redis,
      RECOVER,
      [this.keys.processing(consumer), queue, consumers, this.keys.alive(consumer)],
      [consumer],
    );
  }

  private async settle(itemsAndIds: readonly (Buffer | string)[]): Promise<void> {
    await this.run(SETTLE, [this.keys.processing(this.consumer), this.keys.deliveries], itemsAndIds);
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
