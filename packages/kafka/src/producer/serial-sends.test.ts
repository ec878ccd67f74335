import type { MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { SerialSends } from "./serial-sends.js";

const record = (label: string, bytes = 10): MessageRecord => ({
  key: label,
  value: new Uint8Array(bytes),
});

interface Call {
  readonly topic: string;
  readonly keys: (string | null | undefined)[];
  readonly acks: number;
  finish(error?: Error): void;
}

/** A send that settles only when the test says so; receipts name the record's key as its offset. */
function controlledSend() {
  const calls: Call[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const send = (topic: string, records: readonly MessageRecord[], acks: number) =>
    new Promise<PublishReceipt[]>((resolve, reject) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      calls.push({
        topic,
        acks,
        keys: records.map((r) => r.key),
        finish: (error) => {
          inFlight--;
          if (error) reject(error);
          else resolve(records.map((r) => ({ position: { partition: 0, offset: r.key ?? "" } })));
        },
      });
    });
  return { calls, send, mostInFlight: () => mostInFlight };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const offsets = (receipts: PublishReceipt[]) => receipts.map((r) => r.position?.offset);

describe("SerialSends", () => {
  it("sends one at a time and merges what waited meanwhile into the next send, in order, each its own receipts", async () => {
    const { calls, send, mostInFlight } = controlledSend();
    const serial = new SerialSends(send, async () => 1_000_000);
    const a = serial.send("t", [record("a")], -1);
    await flush();
    const b = serial.send("t", [record("b1"), record("b2")], -1);
    const c = serial.send("t", [record("c")], -1);
    await flush();
    expect(calls.map((call) => call.keys)).toEqual([["a"]]);
    calls[0]?.finish();
    await flush();
    expect(calls.map((call) => call.keys)).toEqual([["a"], ["b1", "b2", "c"]]);
    calls[1]?.finish();
    expect(offsets(await a)).toEqual(["a"]);
    expect(offsets(await b)).toEqual(["b1", "b2"]);
    expect(offsets(await c)).toEqual(["c"]);
    expect(mostInFlight()).toBe(1);
  });

  it("a failed send fails the publishes it carried only; the next ones still go", async () => {
    const { calls, send } = controlledSend();
    const serial = new SerialSends(send, async () => 1_000_000);
    const a = serial.send("t", [record("a")], -1);
    await flush();
    const b = serial.send("t", [record("b")], -1);
    calls[0]?.finish(new Error("leader gone"));
    await expect(a).rejects.toThrow("leader gone");
    await flush();
    calls[1]?.finish();
    expect(offsets(await b)).toEqual(["b"]);
  });

  it("does not merge across topics, acks or the size of one send", async () => {
    const { calls, send } = controlledSend();
    const serial = new SerialSends(send, async () => 200);
    const sends = [
      serial.send("t", [record("first")], -1),
      serial.send("t", [record("big", 150)], -1),
      serial.send("t", [record("other-acks")], 1),
      serial.send("u", [record("other-topic")], 1),
      serial.send("u", [record("joins")], 1),
    ];
    for (let i = 0; i < 4; i++) {
      await flush();
      calls[i]?.finish();
    }
    await Promise.all(sends);
    expect(calls.map((call) => [call.topic, call.acks, call.keys])).toEqual([
      ["t", -1, ["first"]],
      ["t", -1, ["big"]],
      ["t", 1, ["other-acks"]],
      ["u", 1, ["other-topic", "joins"]],
    ]);
  });

  it("a send limit that cannot be read fails that publish and keeps going", async () => {
    const { calls, send } = controlledSend();
    const serial = new SerialSends(send, async (topic) => {
      if (topic === "gone") throw new Error('topic "gone" does not exist');
      return 1_000_000;
    });
    const gone = serial.send("gone", [record("x")], -1);
    const next = serial.send("t", [record("y")], -1);
    await expect(gone).rejects.toThrow("does not exist");
    await flush();
    calls[0]?.finish();
    expect(offsets(await next)).toEqual(["y"]);
  });
});
