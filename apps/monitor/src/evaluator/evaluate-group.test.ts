import { describe, expect, it } from "vitest";
import { evaluateGroup, type GroupPartitionWindow, notFoundStatus } from "./evaluate-group.js";
import { type CommitEntry, DEFAULT_EVALUATOR_OPTIONS } from "./status.js";

const NOW = 2_000_000_000;

function commit(offset: number, secondsAgo: number, lag: number): CommitEntry {
  return { offset, order: offset, timestamp: NOW - secondsAgo * 1000, observedAt: NOW, lag };
}

function partition(
  partition: number,
  offsets: (CommitEntry | null)[],
  currentLag: number,
): GroupPartitionWindow {
  const last = offsets.at(-1);
  return {
    topic: "t",
    partition,
    offsets,
    brokerOffsets: [(last?.offset ?? 0) + currentLag],
    currentLag,
    owner: "",
    clientId: "",
  };
}

const caughtUp = (p: number) => partition(p, [commit(10, 3, 0), commit(20, 2, 0), commit(30, 1, 0)], 0);
const slow = (p: number, lag: number) =>
  partition(p, [commit(10, 3, lag - 2), commit(20, 2, lag - 1), commit(30, 1, lag)], lag);
const stopped = (p: number, lag: number) => partition(p, [commit(10, 100, 1), commit(20, 90, 2)], lag);
const stalled = (p: number, lag: number) =>
  partition(p, [commit(5, 3, lag - 2), commit(5, 2, lag - 1), commit(5, 1, lag)], lag);

describe("evaluateGroup: Burrow's roll-up", () => {
  it("is OK with totallag 0 when every partition is caught up", () => {
    const status = evaluateGroup("c", "g", [caughtUp(0), caughtUp(1)], NOW, DEFAULT_EVALUATOR_OPTIONS);
    expect(status).toMatchObject({ status: "OK", totalLag: 0, partitionCount: 2, complete: 1 });
  });

  it("takes the worst partition: WARN over OK", () => {
    const status = evaluateGroup("c", "g", [caughtUp(0), slow(1, 7)], NOW, DEFAULT_EVALUATOR_OPTIONS);
    expect(status.status).toBe("WARN");
    expect(status.totalLag).toBe(7);
  });

  it("reports STOP, STALL and REWIND partitions as a group ERR, keeping the partition status", () => {
    for (const bad of [stopped(1, 12), stalled(1, 12)]) {
      const status = evaluateGroup("c", "g", [slow(0, 5), bad], NOW, DEFAULT_EVALUATOR_OPTIONS);
      expect(status.status).toBe("ERR");
      expect(["STOP", "STALL"]).toContain(status.partitions[1]?.status);
      expect(status.totalLag).toBe(17);
    }
  });

  it("maxlag is the first partition with the largest current lag", () => {
    const status = evaluateGroup(
      "c",
      "g",
      [slow(0, 4), slow(1, 9), slow(2, 9)],
      NOW,
      DEFAULT_EVALUATOR_OPTIONS,
    );
    expect(status.maxlag?.partition).toBe(1);
  });

  it("complete is the share of partitions with a full window", () => {
    const half = partition(1, [null, commit(10, 2, 0), commit(20, 1, 0)], 0);
    const status = evaluateGroup("c", "g", [caughtUp(0), half], NOW, DEFAULT_EVALUATOR_OPTIONS);
    expect(status.complete).toBe(0.5);
  });

  it("a group without partitions has complete 0", () => {
    expect(evaluateGroup("c", "g", [], NOW, DEFAULT_EVALUATOR_OPTIONS).complete).toBe(0);
  });

  it("an unknown group is NOTFOUND with complete 1 and no partitions", () => {
    expect(notFoundStatus("c", "nope")).toMatchObject({
      status: "NOTFOUND",
      complete: 1,
      partitions: [],
      maxlag: null,
    });
  });
});
