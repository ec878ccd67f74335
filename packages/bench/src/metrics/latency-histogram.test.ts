import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "./latency-histogram.js";

describe("LatencyHistogram", () => {
  it("extracts percentiles in milliseconds from microsecond records", () => {
    const histogram = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) histogram.recordMillis(ms);
    const p = histogram.percentiles();
    expect(p.count).toBe(1000);
    expect(p.p50).toBeCloseTo(500, -1);
    expect(p.p99).toBeCloseTo(990, -1);
    expect(p.p999).toBeCloseTo(999, -1);
    expect(p.max).toBeCloseTo(1000, -1);
    expect(p.p50).toBeLessThanOrEqual(p.p75);
    expect(p.p95).toBeLessThanOrEqual(p.p99);
  });

  it("keeps sub-millisecond resolution", () => {
    const histogram = new LatencyHistogram();
    histogram.recordMillis(0.25);
    expect(histogram.percentiles().p50).toBe(0.25);
  });

  it("reports microseconds when asked and zeros when empty", () => {
    const histogram = new LatencyHistogram();
    expect(histogram.percentiles(1)).toEqual({ count: 0, p50: 0, p75: 0, p95: 0, p99: 0, p999: 0, max: 0 });
    histogram.recordMicros(120);
    expect(histogram.percentiles(1).max).toBe(120);
  });

  it("draws a rising percentile curve ending at the maximum", () => {
    const histogram = new LatencyHistogram();
    for (let us = 1; us <= 10_000; us++) histogram.recordMicros(us);
    const curve = histogram.curve();
    expect(curve.at(-1)).toEqual({ percentile: 100, value: 10 });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]?.value ?? 0).toBeGreaterThanOrEqual(curve[i - 1]?.value ?? 0);
    }
  });
});

describe("LatencyHistogram encode, decode and merge", () => {
  it("round-trips through its encoding with every percentile intact", () => {
    const histogram = new LatencyHistogram();
    for (let us = 1; us <= 50_000; us += 7) histogram.recordMicros(us);
    const decoded = LatencyHistogram.decode(histogram.encode());
    expect(decoded.percentiles(1)).toEqual(histogram.percentiles(1));
    expect(LatencyHistogram.decode("").count).toBe(0);
  });

  it("merges distributions: percentiles of the union, not an average of percentiles", () => {
    // One worker saw 900 fast records, another 100 slow ones: the merged p50 is fast and the p95 slow; averaging
    // the two workers' p50s would give about 50 ms, a latency no record had.
    const fast = new LatencyHistogram();
    const slow = new LatencyHistogram();
    for (let i = 0; i < 900; i++) fast.recordMillis(1);
    for (let i = 0; i < 100; i++) slow.recordMillis(100);
    const merged = new LatencyHistogram();
    merged.merge(LatencyHistogram.decode(fast.encode()));
    merged.merge(LatencyHistogram.decode(slow.encode()));
    const p = merged.percentiles();
    expect(p.count).toBe(1000);
    expect(p.p50).toBeCloseTo(1, 1);
    expect(p.p95).toBeCloseTo(100, -1);
    expect(p.max).toBeCloseTo(100, -1);
  });
});
