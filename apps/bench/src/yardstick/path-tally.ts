import type { ProcessCpu } from "@brokerlab/bench";
import type { Publisher, TargetId } from "@brokerlab/messaging";
import { CpuMeter, yardstickCpu } from "./cpu-meter.js";
import { type Path, roundCpuRatio, roundRatio, type SliceMeasure } from "./rounds.js";
import type { YardstickOptions } from "./yardstick-targets.js";

/** The JavaScript thread this busy means the Node client, not the broker, set the rate. */
export const CLIENT_BOUND_PERCENT = 90;

type PathCpu = ProcessCpu & { mainThreadPercent: number | null };

/** What the measured slices and rounds of one target add up to, per path: every side of the yardstick keeps one. */
export class PathTally {
  /** Each measured slice's rate, msg/s. */
  readonly rates: Record<Path, number[]> = { adapter: [], raw: [] };
  /** adapter ÷ raw of each round's rates. */
  readonly adapterVsRaw: number[] = [];
  /** CPU per record adapter ÷ raw, per round. */
  readonly cpuVsRaw: number[] = [];
  readonly published: Record<Path, number> = { adapter: 0, raw: 0 };
  readonly consumed: Record<Path, number> = { adapter: 0, raw: 0 };
  readonly cpu: Record<Path, CpuMeter> = { adapter: new CpuMeter(), raw: new CpuMeter() };
  /** Once per distinct error, not once per slice it recurred in. */
  readonly errors = new Set<string>();

  /** Keeps one round's slice rates and their adapter ÷ raw; returns that ratio (undefined without raw). */
  addRates(rates: Readonly<Record<Path, readonly number[]>>): number | undefined {
    this.rates.adapter.push(...rates.adapter);
    this.rates.raw.push(...rates.raw);
    const adapterVsRaw = roundRatio(rates);
    if (adapterVsRaw !== undefined) this.adapterVsRaw.push(adapterVsRaw);
    return adapterVsRaw;
  }

  /** Keeps one round's CPU per record adapter ÷ raw over its slices; returns it (undefined without both). */
  addCpuRatio(slices: Readonly<Record<Path, readonly SliceMeasure[]>>): number | undefined {
    const cpuVsRaw = roundCpuRatio(slices);
    if (cpuVsRaw !== undefined) this.cpuVsRaw.push(cpuVsRaw);
    return cpuVsRaw;
  }

  /** Rounds measured: those with a ratio, else (adapter only) two slices each. */
  get rounds(): number {
    return this.adapterVsRaw.length || this.rates.adapter.length / 2;
  }

  /** results.json's CPU of the adapter and of the raw path where it handled records, in the side's role. */
  cpuAs(role: "producer" | "consumer" | "coordinator"): { adapter: PathCpu; raw?: PathCpu } {
    const of = (path: Path) =>
      yardstickCpu(this.cpu[path], role, {
        published: this.published[path],
        consumed: this.consumed[path],
      });
    return {
      adapter: of("adapter"),
      ...(this.published.raw + this.consumed.raw > 0 ? { raw: of("raw") } : {}),
    };
  }
}

/** The adapter's JavaScript thread (or its process, where there is no per-thread figure) at a core's limit. */
export function clientBound(adapter: PathCpu): boolean {
  return (adapter.mainThreadPercent ?? adapter.percentOfOneCore) >= CLIENT_BOUND_PERCENT;
}

/** One target's two paths as a side's slices use them: what each publishes with and to which name, and the tally. */
export interface TallyPaths {
  readonly target: TargetId;
  /** The raw client is undefined where the target has none: the rounds measure the adapter alone. */
  readonly publishers: Record<Path, Publisher | undefined>;
  readonly names: Record<Path, string>;
  readonly tally: PathTally;
  readonly options: YardstickOptions;
}
