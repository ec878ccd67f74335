import { describe, expect, it } from "vitest";
import { spreadOf } from "./spread.js";

describe("spreadOf", () => {
  it("counts records per partition and runs of consecutive records on one partition", () => {
    // Records 0..5 land 0,1,2,0,1,2 (round-robin); 6..11 land 3,3,3,4,4,5 (sticky batches).
    const partitionOf = new Map([0, 1, 2, 0, 1, 2, 3, 3, 3, 4, 4, 5].map((p, n) => [n, p]));
    const roundRobin = spreadOf(partitionOf, [0, 1, 2, 3, 4, 5]);
    expect(roundRobin).toEqual({
      perPartition: [
        [0, 2],
        [1, 2],
        [2, 2],
      ],
      partitionsUsed: 3,
      mostOnOnePartition: 2,
      meanRun: 1,
      longestRun: 1,
    });
    const sticky = spreadOf(partitionOf, [6, 7, 8, 9, 10, 11]);
    expect(sticky.meanRun).toBe(2);
    expect(sticky.longestRun).toBe(3);
    expect(sticky.mostOnOnePartition).toBe(3);
  });

  it("skips records with no known partition and is empty for none", () => {
    expect(spreadOf(new Map([[1, 0]]), [0, 1, 2])).toMatchObject({ partitionsUsed: 1, meanRun: 1 });
    expect(spreadOf(new Map(), [])).toEqual({
      perPartition: [],
      partitionsUsed: 0,
      mostOnOnePartition: 0,
      meanRun: 0,
      longestRun: 0,
    });
  });
});
