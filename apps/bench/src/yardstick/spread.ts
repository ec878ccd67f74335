import type { Spread } from "@brokerlab/bench";

/** Quartiles farther apart than this share of the median: the median is not a figure to quote. */
export const QUOTABLE_RELATIVE_SPREAD = 0.2;

/** Quartiles (linear interpolation) of per-round values; undefined for none. */
export function spreadOf(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = q * (sorted.length - 1);
    const below = sorted[Math.floor(position)] ?? 0;
    const above = sorted[Math.ceil(position)] ?? below;
    return below + (above - below) * (position - Math.floor(position));
  };
  const median = at(0.5);
  const relative = median > 0 ? (at(0.75) - at(0.25)) / median : Number.POSITIVE_INFINITY;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    p25: round(at(0.25)),
    median: round(median),
    p75: round(at(0.75)),
    relative: round(relative),
    quotable: relative <= QUOTABLE_RELATIVE_SPREAD,
  };
}

/** One line for the report: the median of a ratio's rounds, their middle half, and whether it can be quoted. */
export function spreadNote(label: string, spread: Spread): string {
  return (
    `${label}: median ${spread.median}, middle half of the rounds ${spread.p25}–${spread.p75}` +
    (spread.quotable ? "" : ` — too wide to quote (±${Math.round(spread.relative * 50)} %)`)
  );
}
