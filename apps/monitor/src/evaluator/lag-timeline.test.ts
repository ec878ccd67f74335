import { describe, expect, it } from "vitest";
import { LagTimeline } from "./lag-timeline.js";

describe("LagTimeline", () => {
  it("goes OK → WARN while the lag grows at each move → OK once caught up → STOP when the group stops", () => {
    const timeline = new LagTimeline(5);
    const statuses: string[] = [];
    let t = 1_000_000;
    const add = (produced: number, lag: number) => {
      t += 1_000;
      const reading = timeline.add({ at: t, produced, lag });
      statuses.push(reading.status);
      return reading;
    };
    add(0, 0);
    for (let i = 1; i <= 6; i++) add(i * 100, i * 30);
    expect(statuses.at(-1)).toBe("WARN");
    expect(add(600, 0).status).toBe("OK");
    // The producer goes on, the group does not move: STOP once the silence outlasts the window's span.
    let last = add(700, 100);
    for (let i = 0; i < 10 && last.status !== "STOP"; i++) last = add(700, 100);
    expect(last.status).toBe("STOP");
    expect(statuses[0]).toBe("OK");
  });

  it("lag in seconds is when the log end was at the group's position", () => {
    const timeline = new LagTimeline();
    timeline.add({ at: 0, produced: 0, lag: 0 });
    timeline.add({ at: 1_000, produced: 100, lag: 100 });
    const reading = timeline.add({ at: 2_000, produced: 200, lag: 150 });
    // Position 50 was the log end at 0.5 s: 1.5 s behind at 2 s.
    expect(reading.lagSeconds).toBe(1.5);
    expect(new LagTimeline().add({ at: 0, produced: 10, lag: 10 }).lagSeconds).toBeUndefined();
  });
});
