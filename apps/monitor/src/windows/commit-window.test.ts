import { describe, expect, it } from "vitest";
import { CommitWindow } from "./commit-window.js";

const at = (offset: number, order: number, timestamp = order * 1000) => ({ offset, order, timestamp });

describe("CommitWindow (Burrow's storage rules)", () => {
  it("pads with null at the start and stores the lag against the log end at commit time", () => {
    const window = new CommitWindow(4);
    window.add(at(10, 1), 15, 0);
    window.add(at(20, 2), 18, 0);
    expect(window.slots().map((slot) => slot?.lag ?? null)).toEqual([null, null, 5, 0]);
  });

  it("keeps only the last `intervals` commits", () => {
    const window = new CommitWindow(3);
    for (let i = 1; i <= 5; i++) window.add(at(i * 10, i), 100, 0);
    expect(window.slots().map((slot) => slot?.offset)).toEqual([30, 40, 50]);
  });

  it("slots a late commit in by order, with an unknown lag, and ignores a repeated order", () => {
    const window = new CommitWindow(5);
    window.add(at(10, 1), 30, 0);
    window.add(at(30, 3), 30, 0);
    expect(window.add(at(20, 2), 30, 0)).toBe(true);
    expect(window.add(at(99, 3), 30, 0)).toBe(false);
    const slots = window.slots().filter((slot) => slot !== null);
    expect(slots.map((slot) => [slot.offset, slot.lag])).toEqual([
      [10, 20],
      [20, null],
      [30, 0],
    ]);
  });

  it("drops a commit older than everything in a full window", () => {
    const window = new CommitWindow(2);
    window.add(at(10, 5), 10, 0);
    window.add(at(20, 6), 20, 0);
    expect(window.add(at(5, 4), 20, 0)).toBe(false);
  });

  it("merges commits closer than min-distance into the previous slot, keeping its timestamp", () => {
    const window = new CommitWindow(3, 5_000);
    window.add(at(10, 1, 1_000), 10, 0);
    window.add(at(20, 2, 3_000), 20, 0);
    window.add(at(30, 3, 7_000), 30, 0);
    const slots = window.slots();
    expect(slots.map((slot) => slot?.offset ?? null)).toEqual([null, 20, 30]);
    expect(slots[1]?.timestamp).toBe(1_000);
  });
});
