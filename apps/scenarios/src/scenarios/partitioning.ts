import { InvalidArgumentError, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { barChart } from "@brokerlab/report";
import type { ScenarioContext } from "../context.js";
import { publishAndLocate } from "../harness/locate.js";
import { scenarioRecords } from "../harness/records.js";
import type { SeriesPoints } from "../results.js";
import type { Outcome, Scenario } from "../scenario.js";

const PARTITIONS = 6;
const KEYS = 12;

/** A topic with `partitions` where the target allows it; otherwise the adapter's refusal and one queue. */
export async function partitionedTopic(
  context: ScenarioContext,
  label: string,
  partitions: number,
): Promise<{ topic: string; refusal?: string }> {
  try {
    return { topic: await context.topic(label, { partitions }) };
  } catch (error) {
    if (!(error instanceof UnsupportedCapabilityError || error instanceof InvalidArgumentError)) throw error;
    return { topic: await context.topic(label, { partitions: 1 }), refusal: error.message };
  }
}

function histogram(partitionOf: Map<number, number>, numbers: readonly number[]): SeriesPoints {
  const counts = new Map<number, number>();
  for (const n of numbers) {
    const partition = partitionOf.get(n);
    if (partition !== undefined) counts.set(partition, (counts.get(partition) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a - b);
}

export const partitioning: Scenario = {
  name: "partitioning",
  title: "Partitioning: keys pick a partition by hash, unkeyed records spread",
  explanation:
    "A Kafka topic is split into partitions; the producer's partitioner sends a keyed record to hash(key) mod partitions (so one key always lands on one partition, in order) and spreads unkeyed records; queues and streams have no partitions — one queue holds everything.",
  params: (settings) => ({ messages: settings.messages, partitions: PARTITIONS, keys: KEYS }),
  async run(context): Promise<Outcome> {
    const n = context.messages;
    const { topic, refusal } = await partitionedTopic(context, "partitioning", PARTITIONS);
    const keyed = scenarioRecords(n, { keyOf: (i) => `user-${i % KEYS}` });
    const unkeyed = scenarioRecords(n, { from: n, keyOf: () => null });
    const partitionOf = await publishAndLocate(context, topic, [...keyed, ...unkeyed]);
    const state = await context.client.inspect(topic);

    const keyedNumbers = keyed.map((_, i) => i);
    const unkeyedNumbers = unkeyed.map((_, i) => n + i);
    let keysOnOnePartition = 0;
    for (let key = 0; key < KEYS; key++) {
      const seen = new Set(keyedNumbers.filter((i) => i % KEYS === key).map((i) => partitionOf.get(i)));
      if (seen.size === 1) keysOnOnePartition += 1;
    }
    const keyedHistogram = histogram(partitionOf, keyedNumbers);
    const unkeyedHistogram = histogram(partitionOf, unkeyedNumbers);
    context.series.keyed = keyedHistogram;
    context.series.unkeyed = unkeyedHistogram;
    context.metrics.partitions = state.partitions.length;
    context.metrics.keys = KEYS;
    context.metrics.keysOnOnePartition = keysOnOnePartition;
    context.metrics.keyedPartitionsUsed = keyedHistogram.length;
    context.metrics.unkeyedPartitionsUsed = unkeyedHistogram.length;
    context.metrics.unkeyedMostOnOnePartition = Math.max(0, ...unkeyedHistogram.map(([, count]) => count));

    if (state.partitions.length <= 1) {
      const reason =
        refusal ??
        `${context.target} has no partitions: all ${2 * n} records went to one queue, in arrival order`;
      return { supported: false, reason, summary: `no partitions: all ${2 * n} records in one queue/stream` };
    }
    return {
      summary: `${keysOnOnePartition}/${KEYS} keys stayed on one partition; unkeyed records used ${unkeyedHistogram.length} of ${state.partitions.length} partitions`,
    };
  },
  charts: (results) => {
    const partitioned = results.filter((result) => (result.series?.keyed?.length ?? 0) > 1);
    if (partitioned.length === 0) return [];
    const most = Math.max(
      ...partitioned.flatMap((r) =>
        [...(r.series?.keyed ?? []), ...(r.series?.unkeyed ?? [])].map(([p]) => p),
      ),
    );
    const categories = Array.from({ length: most + 1 }, (_, p) => `p${p}`);
    const valuesOf = (points: readonly [number, number][] | undefined) =>
      categories.map((_, p) => points?.find(([partition]) => partition === p)?.[1] ?? 0);
    return [
      barChart({
        title: "Records per partition",
        xLabel: "partition",
        yLabel: "records",
        categories,
        series: partitioned.flatMap((result) => [
          { name: `${result.target} keyed`, values: valuesOf(result.series?.keyed) },
          { name: `${result.target} unkeyed`, values: valuesOf(result.series?.unkeyed) },
        ]),
      }),
    ];
  },
};
