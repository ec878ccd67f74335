import { describe, expect, it } from "vitest";
import type { SoakSample } from "../results.js";
import { memoryGrowth, soakSeries } from "./memory-growth.js";

const MB = 1024 * 1024;

function sample(minute: number, workerRss: number, brokerBytes?: number): SoakSample {
  return {
    minute,
    processes: [{ name: "worker kafka", pid: 10, rssBytes: workerRss * MB, heapUsedBytes: 20 * MB }],
    brokers: [
      brokerBytes === undefined
        ? { broker: "redis", error: "unreachable" }
        : { broker: "redis", what: "used_memory", bytes: brokerBytes * MB },
    ],
  };
}

describe("soakSeries", () => {
  it("names each process's RSS and heap and each broker's figure, skipping minutes it could not be read", () => {
    const series = soakSeries([sample(0, 100, 5), sample(1, 110), sample(2, 110, 6)]);
    expect(series.map((s) => s.name)).toEqual([
      "worker kafka rss",
      "worker kafka heap",
      "broker redis used_memory",
    ]);
    expect(series[2]?.points.map((p) => p.minute)).toEqual([0, 2]);
  });
});

describe("memoryGrowth", () => {
  const points = (values: number[]) => ({
    name: "worker kafka rss",
    points: values.map((bytes, minute) => ({ minute, bytes: bytes * MB })),
  });

  it("measures from the warm-up minute, so the start-up climb does not count", () => {
    const growth = memoryGrowth(points([50, 90, 99, 100, 100, 100, 101, 102]), 5, 5);
    expect(growth).toMatchObject({ fromMinute: 5, toMinute: 7, percent: 2, flat: true });
  });

  it("compares the medians of three readings at each end, so one reading taken before a collection does not count as growth", () => {
    // Minutes 5-7 and 10-12; the 140 at minute 6 and the 190 at minute 11 are single high readings.
    const growth = memoryGrowth(
      points([60, 90, 100, 100, 100, 100, 140, 100, 100, 100, 101, 190, 102]),
      5,
      5,
    );
    expect(growth).toMatchObject({ fromMinute: 5, fromBytes: 100 * MB, toMinute: 12, toBytes: 102 * MB });
    expect(growth?.flat).toBe(true);
  });

  it("calls steady growth past the tolerance not flat", () => {
    const growth = memoryGrowth(points([100, 100, 100, 100, 100, 100, 104, 108, 112, 116, 120, 124]), 5, 5);
    expect(growth).toMatchObject({ fromBytes: 104 * MB, toBytes: 120 * MB, percent: 15.4, flat: false });
  });

  it("has nothing to say when the soak ended before two readings after warm-up", () => {
    expect(memoryGrowth(points([100, 100, 100, 100, 100, 100]), 5, 5)).toBeUndefined();
  });

  it("counts shrinking as flat (a collection freed memory)", () => {
    expect(memoryGrowth(points([100, 100, 100, 100, 100, 100, 80]), 5, 5)?.flat).toBe(true);
  });
});
