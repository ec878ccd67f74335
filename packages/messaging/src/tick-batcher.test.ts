import { describe, expect, it } from "vitest";
import { TickBatcher } from "./tick-batcher.js";

describe("TickBatcher", () => {
  it("hands everything added in one turn to one flush, and the next turn's to another", async () => {
    const flushes: number[][] = [];
    const batcher = new TickBatcher<number>(async (items) => {
      flushes.push(items);
    });
    const first = [batcher.add(1), batcher.add(2), batcher.add(3)];
    await Promise.all(first);
    await batcher.add(4);
    expect(flushes).toEqual([[1, 2, 3], [4]]);
  });

  it("resolves an item's promise only when the flush carrying it has finished", async () => {
    let release: () => void = () => {};
    const batcher = new TickBatcher<string>(() => new Promise<void>((resolve) => (release = resolve)));
    let resolved = false;
    const acked = batcher.add("a").then(() => {
      resolved = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
    release();
    await acked;
    expect(resolved).toBe(true);
  });

  it("rejects every item of a failed flush", async () => {
    const batcher = new TickBatcher<string>(async () => {
      throw new Error("NOGROUP");
    });
    const results = await Promise.allSettled([batcher.add("a"), batcher.add("b")]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
  });

  it("drain flushes what is pending at once and waits for it, without waiting for the next turn", async () => {
    const flushed: string[] = [];
    const batcher = new TickBatcher<string>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      flushed.push(...items);
    });
    const acked = batcher.add("x");
    expect(batcher.size).toBe(1);
    await batcher.drain();
    expect(flushed).toEqual(["x"]);
    expect(batcher.size).toBe(0);
    await acked;
    expect(flushed).toEqual(["x"]);
  });
});
