import { describe, expect, it } from "vitest";
import { DeliveryLoop, LoopDelivery, type Settler } from "./delivery-loop.js";

function delivery(loop: DeliveryLoop<number>, n: number): LoopDelivery<number> {
  return new LoopDelivery(
    loop,
    n,
    "t",
    null,
    Buffer.from(String(n)),
    {},
    0,
    { partition: 0, offset: String(n) },
    false,
  );
}

/** A settler that records what it was asked and frees a slot only when the test says so. */
function recorder() {
  const settled: string[] = [];
  const pendingAcks: LoopDelivery<number>[] = [];
  let finishNack: () => void = () => {};
  const settler: Settler<number> = {
    ack: async (d) => {
      settled.push(`ack ${d.token}`);
      pendingAcks.push(d);
    },
    nack: (d, requeue) => {
      settled.push(`nack ${d.token} ${requeue}`);
      return new Promise<void>((resolve) => {
        finishNack = resolve;
      });
    },
  };
  return { settled, settler, pendingAcks, finishNack: () => finishNack() };
}

function loopWith(prefetch: number, handler: (d: LoopDelivery<number>) => Promise<void> | void) {
  const rec = recorder();
  const loop: DeliveryLoop<number> = new DeliveryLoop<number>(
    prefetch,
    (d) => handler(d as LoopDelivery<number>),
    rec.settler,
  );
  return { loop, ...rec };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("DeliveryLoop", () => {
  it("runs the handler one delivery at a time, in order, and counts unreleased ones against prefetch", async () => {
    const seen: number[] = [];
    const held: LoopDelivery<number>[] = [];
    let running = 0;
    let most = 0;
    const { loop, settled, pendingAcks } = loopWith(2, async (d) => {
      running += 1;
      most = Math.max(most, running);
      seen.push(d.token);
      held.push(d);
      await Promise.resolve();
      running -= 1;
    });
    loop.dispatch(delivery(loop, 1));
    loop.dispatch(delivery(loop, 2));
    expect(loop.room).toBe(0);
    await loop.idle();
    expect(seen).toEqual([1, 2]);
    expect(most).toBe(1);
    let roomed = false;
    const waiting = loop.waitForRoom().then(() => {
      roomed = true;
    });
    // Acked, but the settler has not released the slot yet (Redis has not got the ack).
    await held[0]?.ack();
    await held[0]?.nack();
    await turn();
    expect(roomed).toBe(false);
    expect(loop.room).toBe(0);
    for (const d of pendingAcks) loop.release(d);
    await waiting;
    expect(loop.room).toBe(1);
    expect(settled).toEqual(["ack 1"]);
  });

  it("runs synchronous handlers back to back, in order", async () => {
    const seen: number[] = [];
    const { loop } = loopWith(10, (d) => {
      seen.push(d.token);
    });
    for (let n = 0; n < 5; n++) loop.dispatch(delivery(loop, n));
    await loop.idle();
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it("nacks with requeue when the handler throws or rejects before settling", async () => {
    const { loop, settled, finishNack } = loopWith(5, (d) => {
      if (d.token === 7) throw new Error("boom");
      if (d.token === 8) return Promise.reject(new Error("boom"));
      if (d.token === 9) {
        void d.ack();
        throw new Error("after ack");
      }
    });
    loop.dispatch(delivery(loop, 7));
    loop.dispatch(delivery(loop, 8));
    loop.dispatch(delivery(loop, 9));
    await loop.idle();
    finishNack();
    expect(settled).toEqual(["nack 7 true", "nack 8 true", "ack 9"]);
  });

  it("skips deliveries not yet handed out once stopped", async () => {
    const seen: number[] = [];
    let release: () => void = () => {};
    const { loop } = loopWith(5, async (d) => {
      seen.push(d.token);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    loop.dispatch(delivery(loop, 1));
    loop.dispatch(delivery(loop, 2));
    await Promise.resolve();
    loop.stop();
    release();
    await loop.idle();
    expect(seen).toEqual([1]);
  });

  it("keeps a nacked delivery's slot until the broker has the nack", async () => {
    const { loop, finishNack } = loopWith(1, (d) => {
      void d.nack({ requeue: true });
    });
    loop.dispatch(delivery(loop, 0));
    await loop.idle();
    expect(loop.room).toBe(0);
    finishNack();
    await turn();
    expect(loop.room).toBe(1);
  });

  it("settles once: a second ack or nack returns the first promise and asks the broker nothing", async () => {
    const { loop, settled } = loopWith(1, () => {});
    const d = delivery(loop, 3);
    loop.dispatch(d);
    const first = d.ack();
    expect(d.ack()).toBe(first);
    expect(d.nack({ requeue: false })).toBe(first);
    await first;
    expect(settled).toEqual(["ack 3"]);
  });
});
