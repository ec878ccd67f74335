/** One (log-end offset, time) point of a partition. */
export interface OffsetPoint {
  readonly offset: number;
  /** ms since epoch. */
  readonly time: number;
}

/**
 * kafka-lag-exporter's lookup table: the last `limit` log-end points of a partition, only increasing, with a
 * flat stretch kept as its two ends. From it, when the log end was at a given offset.
 */
export class LagTable {
  private readonly points: OffsetPoint[] = [];

  constructor(readonly limit = 60) {}

  add(point: OffsetPoint): void {
    const points = this.points;
    const last = points.at(-1);
    if (last && (last.time >= point.time || last.offset > point.offset)) return;
    if (last && last.offset === point.offset && points.length > 1 && points.at(-2)?.offset === point.offset) {
      points[points.length - 1] = point;
      return;
    }
    if (points.length === this.limit) points.shift();
    points.push(point);
  }

  /** Seconds the group at `offset` is behind at `nowMs`; 0 when at the log end, undefined with too few points. */
  lagSeconds(offset: number, nowMs: number): number | undefined {
    return lagSecondsFrom(this.points, offset, nowMs);
  }

  size(): number {
    return this.points.length;
  }
}

/**
 * Interpolates the time the log end was at `offset` between the two points around it (or extrapolates along
 * the first-to-last trend when it is outside them), and returns how long ago that was, never below 0.
 */
export function lagSecondsFrom(
  points: readonly OffsetPoint[],
  offset: number,
  nowMs: number,
): number | undefined {
  const last = points.at(-1);
  if (last && offset >= last.offset) return 0;
  if (points.length < 2 || !last) return undefined;
  let left = points[0] as OffsetPoint;
  let right = last;
  for (let i = points.length - 1; i > 0; i--) {
    const low = points[i - 1] as OffsetPoint;
    const high = points[i] as OffsetPoint;
    if (offset >= low.offset && offset <= high.offset) {
      left = low;
      right = high;
      break;
    }
  }
  const dy = right.offset - left.offset;
  if (dy === 0) return undefined;
  const time = right.time - ((right.offset - offset) * (right.time - left.time)) / dy;
  return Math.max(0, nowMs - time) / 1000;
}
