import {
  build,
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  type Histogram,
} from "hdr-histogram-js";

/** The percentiles every latency in the results carries. */
export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

/** One point of a percentile curve: `percentile` in 0–100, `value` in the histogram's output unit. */
export interface PercentilePoint {
  readonly percentile: number;
  readonly value: number;
}

/** Percentiles drawn on the latency curves (HdrHistogram style: more points near the tail). */
export const CURVE_PERCENTILES = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100] as const;

/**
 * An HdrHistogram of integer microseconds (3 significant digits, auto-resizing), reported in a chosen unit.
 * Values below 1 µs are recorded as 1 µs: that is the resolution of the clock difference we measure.
 */
export class LatencyHistogram {
  private readonly histogram: Histogram;

  constructor() {
    this.histogram = build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 60_000_000,
      numberOfSignificantValueDigits: 3,
      autoResize: true,
    });
  }

  /** A histogram from {@link encode}'s text (a worker's histogram arriving at the coordinator). */
  static decode(encoded: string): LatencyHistogram {
    const histogram = new LatencyHistogram();
    if (encoded !== "") histogram.histogram.add(decodeFromCompressedBase64(encoded));
    return histogram;
  }

  /**
   * The standard HdrHistogram compressed base64 encoding (readable by any HdrHistogram library), so a worker can
   * send its whole distribution and the coordinator can merge distributions instead of averaging percentiles.
   */
  encode(): string {
    return this.count === 0 ? "" : encodeIntoCompressedBase64(this.histogram);
  }

  /** Adds every value recorded by `other` (exact to the histograms' shared resolution). */
  merge(other: LatencyHistogram): void {
    this.histogram.add(other.histogram);
  }

  recordMicros(micros: number, count = 1): void {
    this.histogram.recordValueWithCount(Math.max(1, Math.round(micros)), count);
  }

  recordMillis(ms: number, count = 1): void {
    this.recordMicros(ms * 1000, count);
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  reset(): void {
    this.histogram.reset();
  }

  /** Percentiles divided by `unitMicros` (1000 for ms, 1 for µs); all zero when nothing was recorded. */
  percentiles(unitMicros = 1000): Percentiles {
    const at = (p: number) =>
      this.count === 0 ? 0 : round(this.histogram.getValueAtPercentile(p) / unitMicros);
    return {
      count: this.count,
      p50: at(50),
      p75: at(75),
      p95: at(95),
      p99: at(99),
      p999: at(99.9),
      // The top percentile, not maxValue: both are bucket-rounded, but this keeps max ≥ p999 always.
      max: at(100),
    };
  }

  curve(unitMicros = 1000): PercentilePoint[] {
    if (this.count === 0) return [];
    return CURVE_PERCENTILES.map((percentile) => ({
      percentile,
      value: round(
        (percentile === 100 ? this.histogram.maxValue : this.histogram.getValueAtPercentile(percentile)) /
          unitMicros,
      ),
    }));
  }
}

/** Three decimals: µs resolution when the unit is ms. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
