import { describe, expect, it } from "vitest";
import {
  evaluatePartition,
  lagAlwaysNotZero,
  lagNotDecreasing,
  offsetsStalled,
  offsetsStopped,
  partitionStatus,
  recentLagZero,
  rewindIndex,
  rewindRecovered,
} from "./evaluate-partition.js";
import { type CommitEntry, DEFAULT_EVALUATOR_OPTIONS } from "./status.js";

const NOW = 1_000_000_000;

/** A commit `secondsAgo` before NOW, like the windows Burrow's own evaluator tests build. */
function commit(offset: number, secondsAgo: number, lag: number | null, order = offset): CommitEntry {
  return { offset, order, timestamp: NOW - secondsAgo * 1000, observedAt: NOW, lag };
}

/** Ten commits a second apart, the last one a second ago. */
function steady(offsets: number[], lags: (number | null)[]): CommitEntry[] {
  return offsets.map((offset, i) => commit(offset, offsets.length - i, lags[i] ?? null, i));
}

describe("partitionStatus: Burrow's rules in its order", () => {
  it("is OK whenever the current lag is within the allowed lag, whatever the window says", () => {
    const stalled = steady([5, 5, 5], [10, 10, 10]);
    expect(partitionStatus(stalled, [15], 0, NOW, 0)).toBe("OK");
    expect(partitionStatus(stalled, [15], 3, NOW, 5)).toBe("OK");
  });

  it("is STOP when no commit came for longer than the window spans and the lag was not recently zero", () => {
    const old = [commit(10, 100, 5), commit(20, 90, 5)];
    expect(partitionStatus(old, [40, 45], 25, NOW, 0)).toBe("STOP");
  });

  it("is not STOP while a recent log-end offset was at the last commit", () => {
    const old = [commit(10, 100, 5), commit(20, 90, 0)];
    expect(partitionStatus(old, [20, 45], 25, NOW, 0)).toBe("OK");
  });

  it("is REWIND when the committed offset went backwards and did not get back", () => {
    const window = steady([10, 20, 30, 15, 25], [5, 5, 5, 20, 10]);
    expect(partitionStatus(window, [35], 10, NOW, 0)).toBe("REWIND");
  });

  it("is not REWIND once the offset got back to where it was before the rewind", () => {
    const window = steady([10, 20, 30, 15, 31], [5, 6, 7, 22, 8]);
    expect(partitionStatus(window, [39], 8, NOW, 0)).toBe("OK");
  });

  it("REWIND wins over a zero lag earlier in the window (checked before rule 1)", () => {
    const window = steady([10, 20, 5, 6], [0, 0, 15, 14]);
    expect(partitionStatus(window, [20], 14, NOW, 0)).toBe("REWIND");
  });

  it("is OK when any stored lag was zero", () => {
    const window = steady([10, 20, 30], [0, 5, 10]);
    expect(partitionStatus(window, [40], 10, NOW, 0)).toBe("OK");
  });

  it("is STALL when every stored offset is the same and the lag never was zero", () => {
    const window = steady([7, 7, 7, 7], [3, 4, 5, 6]);
    expect(partitionStatus(window, [13], 6, NOW, 0)).toBe("STALL");
  });

  it("is WARN when offsets move but the lag never decreased", () => {
    const window = steady([10, 20, 30, 40], [5, 5, 8, 9]);
    expect(partitionStatus(window, [49], 9, NOW, 0)).toBe("WARN");
  });

  it("is OK when offsets move and the lag went down somewhere", () => {
    const window = steady([10, 20, 30, 40], [5, 8, 7, 9]);
    expect(partitionStatus(window, [49], 9, NOW, 0)).toBe("OK");
  });

  it("treats a lag within allowed-lag as zero in rule 1", () => {
    const window = steady([10, 20, 30], [2, 5, 8]);
    expect(partitionStatus(window, [40], 10, NOW, 0)).toBe("WARN");
    expect(partitionStatus(window, [40], 10, NOW, 2)).toBe("OK");
  });
});

describe("the rules one by one", () => {
  it("rule 1 skips unknown (backfilled) lags", () => {
    expect(lagAlwaysNotZero([commit(1, 3, null), commit(2, 2, 4)], 0)).toBe(true);
    expect(lagAlwaysNotZero([commit(1, 3, 0), commit(2, 2, 4)], 0)).toBe(false);
  });

  it("rule 2 finds the first decrease and its recovery", () => {
    const window = steady([1, 2, 3, 1, 2], []);
    expect(rewindIndex(window)).toBe(3);
    expect(rewindRecovered(window, 3)).toBe(false);
    expect(rewindIndex(steady([1, 2, 2, 3], []))).toBe(-1);
    expect(rewindRecovered(steady([1, 5, 2, 5], []), 2)).toBe(true);
  });

  it("rule 3 compares the silence since the last commit with the window's span, in whole seconds", () => {
    expect(offsetsStopped([commit(1, 20, 1), commit(2, 10, 1)], NOW)).toBe(false);
    expect(offsetsStopped([commit(1, 20, 1), commit(2, 9, 1)], NOW)).toBe(false);
    expect(offsetsStopped([commit(1, 20, 1), commit(2, 11, 1)], NOW)).toBe(true);
    // One commit spans nothing: any silence after it counts.
    expect(offsetsStopped([commit(1, 1, 1)], NOW)).toBe(true);
    expect(offsetsStopped([commit(1, 0, 1)], NOW + 999)).toBe(false);
  });

  it("rule 4 needs every offset equal", () => {
    expect(offsetsStalled(steady([4, 4, 4], []))).toBe(true);
    expect(offsetsStalled(steady([4, 4, 5], []))).toBe(false);
  });

  it("rule 5 compares each known lag with the previous known one", () => {
    expect(lagNotDecreasing(steady([1, 2, 3], [5, null, 4]))).toBe(false);
    expect(lagNotDecreasing(steady([1, 2, 3], [5, null, 5]))).toBe(true);
  });

  it("recent lag zero looks for a log end at or below the last commit", () => {
    expect(recentLagZero(steady([5, 10], []), [8, 10, 12])).toBe(true);
    expect(recentLagZero(steady([5, 10], []), [11, 12])).toBe(false);
  });
});

describe("evaluatePartition", () => {
  it("measures completeness from the empty slots at the start of the window", () => {
    const offsets = [null, null, ...steady([10, 20, 30], [5, 6, 7])];
    const result = evaluatePartition(
      { offsets, brokerOffsets: [37], currentLag: 7 },
      NOW,
      DEFAULT_EVALUATOR_OPTIONS,
    );
    expect(result.complete).toBeCloseTo(0.6);
    expect(result.start?.offset).toBe(10);
    expect(result.end?.offset).toBe(30);
    expect(result.status).toBe("WARN");
  });

  it("leaves a window below minimum-complete as OK", () => {
    const offsets = [null, null, null, ...steady([7, 7], [3, 4])];
    const options = { allowedLag: 0, minimumComplete: 0.5 };
    const result = evaluatePartition({ offsets, brokerOffsets: [11], currentLag: 4 }, NOW, options);
    expect(result.complete).toBeCloseTo(0.4);
    expect(result.status).toBe("OK");
  });

  it("is OK with complete 0 and no start or end when there are no commits", () => {
    const result = evaluatePartition(
      { offsets: [], brokerOffsets: [], currentLag: 9 },
      NOW,
      DEFAULT_EVALUATOR_OPTIONS,
    );
    expect(result).toEqual({ status: "OK", start: null, end: null, currentLag: 9, complete: 0 });
  });
});
