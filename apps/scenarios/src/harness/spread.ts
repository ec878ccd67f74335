import type { SeriesPoints } from "../results.js";

/** How a set of records spread over partitions: records per partition and runs on one partition. */
export interface Spread {
  /** [partition, records], by partition. */
  readonly perPartition: SeriesPoints;
  readonly partitionsUsed: number;
  readonly mostOnOnePartition: number;
  /** Average length of a run of consecutive records (in publish order) on the same partition. */
  readonly meanRun: number;
  readonly longestRun: number;
}

/** The spread of `numbers` (in publish order), given the partition each record landed on. */
export function spreadOf(partitionOf: ReadonlyMap<number, number>, numbers: readonly number[]): Spread {
  const counts = new Map<number, number>();
  const runs: number[] = [];
  let previous: number | undefined;
  for (const n of numbers) {
    const partition = partitionOf.get(n);
    if (partition === undefined) continue;
    counts.set(partition, (counts.get(partition) ?? 0) + 1);
    if (partition === previous && runs.length > 0) runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    else runs.push(1);
    previous = partition;
  }
  const perPartition = [...counts.entries()].sort(([a], [b]) => a - b);
  const placed = runs.reduce((sum, run) => sum + run, 0);
  return {
    perPartition,
    partitionsUsed: perPartition.length,
    mostOnOnePartition: Math.max(0, ...perPartition.map(([, count]) => count)),
    meanRun: runs.length === 0 ? 0 : Number((placed / runs.length).toFixed(1)),
    longestRun: Math.max(0, ...runs),
  };
}
