import { describe, expect, it } from "vitest";
import { forEachLimited } from "./for-each-limited.js";

describe("forEachLimited", () => {
  it("runs every item with at most `limit` at once", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      done.push(item);
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("stops starting new items after a failure and rejects with it once the others settled", async () => {
    const started: number[] = [];
    let settled = 0;
    const run = forEachLimited([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, 5));
      settled++;
      if (item === 1) throw new Error("one failed");
    });
    await expect(run).rejects.toThrow("one failed");
    expect(settled).toBe(started.length);
    expect(started.length).toBeLessThan(5);
  });
});
