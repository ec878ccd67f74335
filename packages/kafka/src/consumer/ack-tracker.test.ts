import { describe, expect, it } from "vitest";
import { AckTracker } from "./ack-tracker.js";

describe("AckTracker", () => {
  it("commits only the contiguous acknowledged prefix when acks come out of order", () => {
    const tracker = new AckTracker(10n);
    for (const offset of [10n, 11n, 12n, 13n]) tracker.delivered(offset);
    expect(tracker.ack(12n)).toBeUndefined();
    expect(tracker.ack(11n)).toBeUndefined();
    expect(tracker.commitOffset).toBe(10n);
    expect(tracker.ack(10n)).toBe(13n);
    expect(tracker.ack(13n)).toBe(14n);
    expect(tracker.ack(13n)).toBeUndefined();
  });

  it("does not hand out again what is acknowledged or in flight, but does a requeued record", () => {
    const tracker = new AckTracker(0n);
    tracker.delivered(0n);
    tracker.delivered(1n);
    tracker.delivered(2n);
    tracker.ack(2n);
    expect([0n, 1n, 2n, 3n].map((o) => tracker.shouldDeliver(o))).toEqual([false, false, false, true]);
    expect(tracker.requeue(1n)).toBe(0n);
    expect(tracker.shouldDeliver(1n)).toBe(true);
    expect(tracker.inFlightCount).toBe(1);
  });

  it("ignores offsets below its start", () => {
    const tracker = new AckTracker(5n);
    expect(tracker.shouldDeliver(4n)).toBe(false);
    expect(tracker.ack(4n)).toBeUndefined();
  });
});
