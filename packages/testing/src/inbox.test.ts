import type { Delivery } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { Inbox } from "./inbox.js";

/** A delivery numbered n that counts its acks; pure data, no broker. */
function delivery(n: number): Delivery & { acks: number } {
  return {
    topic: "t",
    key: null,
    value: Buffer.from(`v${n}`),
    headers: { n: String(n) },
    timestamp: 0,
    position: { partition: 0, offset: String(n) },
    redelivered: false,
    acks: 0,
    async ack() {
      this.acks += 1;
    },
    async nack() {},
  };
}

describe("Inbox", () => {
  it("waitFor resolves with the first count deliveries once they arrive, also when they already did", async () => {
    const inbox = new Inbox();
    inbox.push(delivery(0));
    const waiting = inbox.waitFor(3, 5_000);
    inbox.push(delivery(1));
    inbox.push(delivery(2));
    inbox.push(delivery(3));
    expect((await waiting).map((d) => d.position.offset)).toEqual(["0", "1", "2"]);
    expect((await inbox.waitFor(2)).map((d) => d.position.offset)).toEqual(["0", "1"]);
    expect(inbox.numbers()).toEqual([0, 1, 2, 3]);
    expect(inbox.values()).toEqual(["v0", "v1", "v2", "v3"]);
  });

  it("waitFor rejects naming how many arrived when too few do", async () => {
    const inbox = new Inbox();
    inbox.push(delivery(0));
    await expect(inbox.waitFor(2, 20)).rejects.toThrow("expected 2 deliveries within 20 ms, got 1");
  });

  it("handler records every delivery and acks per its rule", async () => {
    const always = new Inbox();
    const never = new Inbox();
    const even = new Inbox();
    const all = [0, 1, 2, 3].map(delivery);
    for (const d of all) {
      await always.handler()(d);
      await never.handler(false)(d);
      await even.handler((x) => Number(x.headers.n) % 2 === 0)(d);
    }
    for (const inbox of [always, never, even]) expect(inbox.numbers()).toEqual([0, 1, 2, 3]);
    expect(all.map((d) => d.acks)).toEqual([2, 1, 2, 1]);
  });

  it("counts distinct record numbers once each, redeliveries included, and waits for them", async () => {
    const inbox = new Inbox();
    const waiting = inbox.waitForDistinct(3, 5_000, "three records");
    for (const n of [0, 1, 1, 0, 2]) inbox.push(delivery(n));
    await waiting;
    expect(inbox.count).toBe(5);
    expect(inbox.distinct()).toBe(3);
    await expect(inbox.waitForDistinct(4, 20, "four records")).rejects.toThrow(
      "four records (got 3 of 4) did not finish within 20 ms",
    );
  });
});
