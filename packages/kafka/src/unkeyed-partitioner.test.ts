import { describe, expect, it } from "vitest";
import { STICKY_BATCH_BYTES } from "./producer-options.js";
import { UnkeyedPartitioner } from "./unkeyed-partitioner.js";

/** Lengths of the runs of equal consecutive values: [0,0,1,1,1] → [2,3]. */
function runLengths(values: readonly number[]): number[] {
  const runs: number[] = [];
  values.forEach((value, i) => {
    if (i > 0 && values[i - 1] === value) runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    else runs.push(1);
  });
  return runs;
}

describe("UnkeyedPartitioner", () => {
  it("round-robin moves to the next candidate on every record, per topic", () => {
    const partitioner = new UnkeyedPartitioner("round-robin", () => 0);
    const a = Array.from({ length: 6 }, () => partitioner.next("a", [0, 2, 5], 1024));
    expect(a).toEqual([2, 5, 0, 2, 5, 0]);
    expect(partitioner.next("b", [0, 1], 1024)).toBe(1);
  });

  it("round-robin starts at a random candidate", () => {
    const starts = new Set(
      [0, 0.4, 0.8].map((draw) => new UnkeyedPartitioner("round-robin", () => draw).next("t", [0, 1, 2], 1)),
    );
    expect(starts.size).toBe(3);
  });

  it("sticky stays on one partition for a batch's worth of bytes, then moves to another one", () => {
    const partitioner = new UnkeyedPartitioner("sticky");
    const choices = Array.from({ length: 160 }, () => partitioner.next("t", [0, 1, 2], 1024));
    // 16 KiB of 1 KiB records: runs of 16, each on a different partition from the one before.
    expect(runLengths(choices)).toEqual(Array.from({ length: 10 }, () => STICKY_BATCH_BYTES / 1024));
    expect(new Set(choices)).toEqual(new Set([0, 1, 2]));
  });

  it("sticky leaves a partition that lost its leader at once", () => {
    const partitioner = new UnkeyedPartitioner("sticky", () => 0);
    expect(partitioner.next("t", [0, 1, 2], 10)).toBe(0);
    expect(partitioner.next("t", [1, 2], 10)).toBe(1);
    expect(partitioner.next("t", [1, 2], 10)).toBe(1);
  });

  it("sticky on a single partition keeps it", () => {
    const partitioner = new UnkeyedPartitioner("sticky");
    const choices = Array.from({ length: 40 }, () => partitioner.next("t", [3], 1024));
    expect(new Set(choices)).toEqual(new Set([3]));
  });
});
