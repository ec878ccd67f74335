import { describe, expect, it } from "vitest";
import { timelineOf } from "./timeline.js";

describe("timelineOf", () => {
  it("counts acknowledged and not acknowledged attempts per interval as rates, and keeps membership samples", () => {
    const timeline = timelineOf(
      [
        { type: "attempt", id: 1, key: "k", attempt: 1, start: 0, end: 100, outcome: "ok" },
        { type: "attempt", id: 2, key: "k", attempt: 1, start: 100, end: 400, outcome: "ok" },
        { type: "attempt", id: 3, key: "k", attempt: 1, start: 400, end: 1_200, outcome: "unknown" },
        { type: "attempt", id: 3, key: "k", attempt: 2, start: 1_300, end: 1_400, outcome: "ok" },
        { type: "members", t: 250, leader: "a", members: 3, inSync: 3 },
        { type: "members", t: 750, leader: "b", members: 3, inSync: 2 },
      ],
      500,
    );
    expect(timeline.ackedPerSecond).toEqual([
      [0, 4],
      [0.5, 0],
      [1, 2],
    ]);
    expect(timeline.notAckedPerSecond).toEqual([
      [0, 0],
      [0.5, 0],
      [1, 2],
    ]);
    expect(timeline.inSync).toEqual([
      [0.25, 3],
      [0.75, 2],
    ]);
    expect(timeline.members).toEqual([
      [0.25, 3],
      [0.75, 3],
    ]);
  });
});
