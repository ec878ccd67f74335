/** The two Node paths a yardstick compares. */
export type Path = "adapter" | "raw";

/** A round: adapter, raw, raw, adapter cancels a drift that is linear over the round. */
const ROUND_ORDER: readonly Path[] = ["adapter", "raw", "raw", "adapter"];
const MIRRORED_ROUND_ORDER: readonly Path[] = ["raw", "adapter", "adapter", "raw"];

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
/** a ÷ b to three decimals; null without b. */
export const ratio = (a: number, b: number | null) => (b ? Math.round((a / b) * 1000) / 1000 : null);
export const mean = (values: readonly number[]) => (values.length > 0 ? sum(values) / values.length : 0);

/** The slices of round `round` (0-based): every other round mirrored; the adapter's alone without a raw path. */
export function roundOrder(round: number, withRaw: boolean): Path[] {
  const order = round % 2 === 0 ? ROUND_ORDER : MIRRORED_ROUND_ORDER;
  return order.filter((path) => path === "adapter" || withRaw);
}

/** Rounds for `seconds` of each path, two slices of `sliceSeconds` per path per round; at least one. */
export function roundsFor(seconds: number, sliceSeconds: number): number {
  return Math.max(1, Math.ceil(seconds / (2 * sliceSeconds)));
}

/** adapter ÷ raw of one round, of its slices' mean values; undefined where the raw path has none. */
export function roundRatio(values: Readonly<Record<Path, readonly number[]>>): number | undefined {
  const raw = mean(values.raw);
  return raw > 0 ? mean(values.adapter) / raw : undefined;
}

/**
 * Records to fill before each consume slice of a round: what the slower path consumed in `seconds` at its last
 * rate (so neither path's slice runs long), at least `min`.
 */
export function sliceRecords(rates: readonly number[], seconds: number, min: number): number {
  const known = rates.filter((rate) => rate > 0);
  if (known.length === 0) return min;
  return Math.max(min, Math.round(Math.min(...known) * seconds));
}

/** What one slice of a path measured. */
export interface SliceMeasure {
  readonly rate: number;
  /** Process CPU over the slice, µs. */
  readonly micros: number;
  readonly records: number;
}

/** CPU per record of one round, adapter ÷ raw, over each path's slices; undefined without both. */
export function roundCpuRatio(slices: Readonly<Record<Path, readonly SliceMeasure[]>>): number | undefined {
  const perRecord = (measures: readonly SliceMeasure[]) => {
    const records = sum(measures.map((measure) => measure.records));
    return records > 0 ? sum(measures.map((measure) => measure.micros)) / records : 0;
  };
  const raw = perRecord(slices.raw);
  const adapter = perRecord(slices.adapter);
  return raw > 0 && adapter > 0 ? adapter / raw : undefined;
}
