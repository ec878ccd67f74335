import { describe, expect, it } from "vitest";
import { AckTracker } from "./ack-tracker.js";

describe("AckTracker", () => {
  it("commits only the contiguous acknowledged prefix when acks come out of order", () => {
    const tracker = new AckTracker(10);
    for (const offset of [10, 11, 12, 13]) tracker.delivered(offset);
    expect(tracker.ack(12)).toBeUndefined();
    expect(tracker.ack(11)).toBeUndefined();
    expect(tracker.commitOffset).toBe(10);
    expect(tracker.ack(10)).toBe(13);
    expect(tracker.ack(13)).toBe(14);
    expect(tracker.ack(13)).toBeUndefined();
  });

  it("does not hand out again what is acknowledged or in flight, but does a requeued record", () => {
    const tracker = new AckTracker(0);
    tracker.delivered(0);
    tracker.delivered(1);
    tracker.delivered(2);
    tracker.ack(2);
    expect([0, 1, 2, 3].map((o) => tracker.shouldDeliver(o))).toEqual([false, false, false, true]);
    expect(tracker.requeue(1)).toBe(0);
    expect(tracker.shouldDeliver(1)).toBe(true);
    tracker.delivered(1);
    expect(tracker.shouldDeliver(1)).toBe(false);
    expect(tracker.ack(1)).toBeUndefined();
    expect(tracker.ack(0)).toBe(3);
  });

  it("ignores offsets below its start", () => {
    const tracker = new AckTracker(5);
    expect(tracker.shouldDeliver(4)).toBe(false);
    expect(tracker.ack(4)).toBeUndefined();
    expect(tracker.requeue(4)).toBe(5);
    expect(tracker.shouldDeliver(4)).toBe(false);
  });
});
