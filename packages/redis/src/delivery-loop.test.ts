import type { Delivery } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { type DeliveryFields, DeliveryLoop } from "./delivery-loop.js";

function fields(n: number): DeliveryFields {
  return {
    topic: "t",
    key: null,
    value: Buffer.from(String(n)),
    headers: {},
    timestamp: 0,
    position: { partition: 0, offset: String(n) },
    redelivered: false,
  };
}

function recorder() {
  const settled: string[] = [];
  return {
    settled,
    settlement: (n: number) => ({
      ack: async () => {
        settled.push(`ack ${n}`);
      },
      nack: async (requeue: boolean) => {
        settled.push(`nack ${n} ${requeue}`);
      },
    }),
  };
}

describe("DeliveryLoop", () => {
  it("runs the handler one delivery at a time, in order, and counts unsettled ones against prefetch", async () => {
    const seen: number[] = [];
    const held: Delivery[] = [];
    const loop = new DeliveryLoop(2, async (delivery) => {
      seen.push(Number(delivery.value.toString()));
      held.push(delivery);
    });
    const { settlement, settled } = recorder();
    loop.dispatch(fields(1), settlement(1));
    loop.dispatch(fields(2), settlement(2));
    expect(loop.room).toBe(0);
    await loop.idle();
    expect(seen).toEqual([1, 2]);
    let roomed = false;
    const waiting = loop.waitForRoom().then(() => {
      roomed = true;
    });
    expect(roomed).toBe(false);
    await held[0]?.ack();
    await held[0]?.nack();
    await waiting;
    expect(loop.room).toBe(1);
    expect(settled).toEqual(["ack 1"]);
  });

  it("nacks with requeue when the handler throws before settling", async () => {
    const loop = new DeliveryLoop(5, () => {
      throw new Error("boom");
    });
    const { settlement, settled } = recorder();
    loop.dispatch(fields(7), settlement(7));
    await loop.idle();
    expect(settled).toEqual(["nack 7 true"]);
  });

  it("skips deliveries not yet handed out once stopped", async () => {
    const seen: number[] = [];
    let release: () => void = () => {};
    const loop = new DeliveryLoop(5, async (delivery) => {
      seen.push(Number(delivery.value.toString()));
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const { settlement } = recorder();
    loop.dispatch(fields(1), settlement(1));
    loop.dispatch(fields(2), settlement(2));
    await Promise.resolve();
    loop.stop();
    release();
    await loop.idle();
    expect(seen).toEqual([1]);
  });

  it("keeps the prefetch slot until the broker has the settlement", async () => {
    let finishNack: () => void = () => {};
    const loop = new DeliveryLoop(1, (delivery) => {
      void delivery.nack({ requeue: true });
    });
    loop.dispatch(fields(0), {
      ack: async () => {},
      nack: () =>
        new Promise<void>((resolve) => {
          finishNack = resolve;
        }),
    });
    await loop.idle();
    expect(loop.room).toBe(0);
    finishNack();
    await new Promise((resolve) => setImmediate(resolve));
    expect(loop.room).toBe(1);
  });
});
