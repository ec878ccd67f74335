/** Maps data values to pixels along one axis, with the ticks to draw. */
export interface Scale {
  readonly log: boolean;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  /** Pixel position for `value` between `range[0]` and `range[1]`. */
  map(value: number): number;
}

/** Removes float noise such as 0.30000000000000004. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/** Round ticks (1, 2, 5 × 10^k) covering [min, max]; the first and last tick are the nice domain. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
    if (min >= 0 && low < 0) low = 0;
  }
  const step = niceStep(high - low, count);
  const start = Math.floor(clean(low / step)) * step;
  const end = Math.ceil(clean(high / step)) * step;
  const ticks: number[] = [];
  for (let i = 0; clean(start + i * step) <= clean(end); i++) ticks.push(clean(start + i * step));
  return ticks;
}

/**
 * Ticks for a log axis over positive [min, max]: every power of ten, plus 2 and 5 multiples when the range
 * spans two decades or less; thinned to every n-th power when it spans many.
 */
export function logTicks(min: number, max: number): number[] {
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  if (!(low > 0) || !Number.isFinite(high)) return [1, 10];
  const first = Math.floor(Math.log10(low));
  let last = Math.ceil(Math.log10(high));
  if (last === first) last += 1;
  const decades = last - first;
  const every = Math.ceil(decades / 8);
  const ticks: number[] = [];
  for (let power = first; power <= last; power += 1) {
    const base = clean(10 ** power);
    if ((power - first) % every === 0 || power === last) ticks.push(base);
    if (decades <= 2 && power < last) ticks.push(clean(base * 2), clean(base * 5));
  }
  return [...new Set(ticks)].sort((a, b) => a - b);
}

export function makeScale(
  values: readonly number[],
  range: readonly [number, number],
  options: { log?: boolean; zero?: boolean } = {},
): Scale {
  const log = options.log === true;
  const usable = values.filter((value) => Number.isFinite(value) && (!log || value > 0));
  let min = usable.length > 0 ? Math.min(...usable) : log ? 1 : 0;
  const max = usable.length > 0 ? Math.max(...usable) : log ? 10 : 1;
  if (options.zero && !log) min = Math.min(0, min);
  const ticks = log ? logTicks(min, max) : linearTicks(min, max);
  const domain: [number, number] = [ticks[0] ?? min, ticks[ticks.length - 1] ?? max];
  const toUnit = (value: number) => {
    if (log) {
      const [a, b] = [Math.log10(domain[0]), Math.log10(domain[1])];
      return (Math.log10(Math.max(value, domain[0])) - a) / (b - a || 1);
    }
    return (value - domain[0]) / (domain[1] - domain[0] || 1);
  };
  return { log, domain, ticks, map: (value) => range[0] + toUnit(value) * (range[1] - range[0]) };
}

/** Short tick labels: 1.5k, 20M, 0.25. */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  const short = (scaled: number) => String(Number(scaled.toPrecision(4)));
  if (abs >= 1e9) return `${short(value / 1e9)}G`;
  if (abs >= 1e6) return `${short(value / 1e6)}M`;
  if (abs >= 1e4) return `${short(value / 1e3)}k`;
  return String(Number(value.toPrecision(6)));
}
