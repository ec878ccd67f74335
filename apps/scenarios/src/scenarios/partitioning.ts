import { InvalidArgumentError, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { barChart } from "@brokerlab/report";
import type { ScenarioContext } from "../context.js";
import { publishAndLocate } from "../harness/locate.js";
import { scenarioRecords } from "../harness/records.js";
import { type Spread, spreadOf } from "../harness/spread.js";
import type { Outcome, Scenario } from "../scenario.js";

const PARTITIONS = 6;
const KEYS = 12;
/** Unkeyed records of 1 KiB: a sticky producer's 16 KiB batch is then 16 records, a run one can see. */
const UNKEYED_BYTES = 1_024;
const MODES = ["round-robin", "sticky"] as const;
type Mode = (typeof MODES)[number];
const METRIC_PREFIX: Record<Mode, string> = { "round-robin": "roundRobin", sticky: "sticky" };

/** Unkeyed records through a producer asked for `mode`, into a topic of their own: where did they land? */
async function spreadThrough(context: ScenarioContext, mode: Mode): Promise<Spread> {
  const n = context.messages;
  const producer = await context.otherClient({ unkeyedPartitioning: mode });
  const topic = await context.topic(`unkeyed-${mode}`, { partitions: PARTITIONS });
  const records = scenarioRecords(n, {
    keyOf: () => null,
    textOf: (i) => `${mode}-${i}`.padEnd(UNKEYED_BYTES),
  });
  const partitionOf = await publishAndLocate(context, topic, records, producer);
  const spread = spreadOf(
    partitionOf,
    records.map((_, i) => i),
  );
  const prefix = METRIC_PREFIX[mode];
  context.metrics[`${prefix}MeanRun`] = spread.meanRun;
  context.metrics[`${prefix}LongestRun`] = spread.longestRun;
  context.metrics[`${prefix}PartitionsUsed`] = spread.partitionsUsed;
  context.metrics[`${prefix}MostOnOnePartition`] = spread.mostOnOnePartition;
  context.series[prefix] = spread.perPartition;
  return spread;
}

/**
 * The interoperability trap: the scenario's keys published through a producer with librdkafka's default
 * partitioner (CRC32), located, and compared with where this target's own producer (Java's murmur2) put them.
 * Only a target whose client has that partitioner measures it; the others leave the row empty.
 */
async function keysElsewhereUnderLibrdkafkaDefault(
  context: ScenarioContext,
  javaPartitionOf: (key: number) => number | undefined,
): Promise<number | undefined> {
  let producer: Awaited<ReturnType<ScenarioContext["otherClient"]>>;
  try {
    producer = await context.otherClient({ keyedPartitioning: "consistent-random" });
  } catch (error) {
    if (error instanceof InvalidArgumentError) return undefined;
    throw error;
  }
  const topic = await context.topic("librdkafka-default", { partitions: PARTITIONS });
  const records = scenarioRecords(KEYS, { keyOf: (i) => `user-${i % KEYS}` });
  const partitionOf = await publishAndLocate(context, topic, records, producer);
  return Array.from({ length: KEYS }, (_, key) => key).filter(
    (key) => partitionOf.get(key) !== javaPartitionOf(key),
  ).length;
}

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

export const partitioning: Scenario = {
  name: "partitioning",
  texts: (m) => ({
    title: m.partitioning.title,
    explanation: `${m.partitioning.explanation}\n\n${m.partitioning.unkeyedExplanation}`,
  }),
  legend: (m) => m.partitioning.legend,
  params: (settings) => ({
    messages: settings.messages,
    partitions: PARTITIONS,
    keys: KEYS,
    unkeyedBytes: UNKEYED_BYTES,
  }),
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
    const keyedSpread = spreadOf(partitionOf, keyedNumbers);
    const unkeyedSpread = spreadOf(partitionOf, unkeyedNumbers);
    context.series.keyed = keyedSpread.perPartition;
    context.series.unkeyed = unkeyedSpread.perPartition;
    context.metrics.partitions = state.partitions.length;
    context.metrics.keys = KEYS;
    context.metrics.keysOnOnePartition = keysOnOnePartition;
    context.metrics.keyedPartitionsUsed = keyedSpread.partitionsUsed;
    context.metrics.unkeyedPartitionsUsed = unkeyedSpread.partitionsUsed;
    context.metrics.unkeyedMostOnOnePartition = unkeyedSpread.mostOnOnePartition;

    const t = context.m.partitioning;
    if (state.partitions.length <= 1) {
      const reason = refusal ?? t.noPartitionsReason(context.target, 2 * n);
      return { supported: false, reason, summary: t.noPartitions(2 * n) };
    }
    // Per-record round-robin next to sticky batches, each through a producer asked for it.
    const spreads: Spread[] = [];
    for (const mode of MODES) {
      context.progress(t.modeStep(mode === "sticky" ? t.sticky : t.roundRobin));
      spreads.push(await spreadThrough(context, mode));
    }
    // The keyed records numbered 0..KEYS-1 carry keys user-0..user-(KEYS-1).
    const elsewhere = await keysElsewhereUnderLibrdkafkaDefault(context, (key) => partitionOf.get(key));
    if (elsewhere !== undefined) context.metrics.keysElsewhereUnderLibrdkafkaDefault = elsewhere;
    const [roundRobin, sticky] = spreads.map((spread) =>
      t.spread(spread.partitionsUsed, spread.meanRun, spread.mostOnOnePartition),
    );
    return {
      summary: `${t.summary({
        onOne: keysOnOnePartition,
        keys: KEYS,
        used: unkeyedSpread.partitionsUsed,
        partitions: state.partitions.length,
      })}; ${t.modes(roundRobin ?? "", sticky ?? "")}`,
    };
  },
  charts: (results, m) => {
    const partitioned = results.filter((result) => (result.series?.keyed?.length ?? 0) > 1);
    if (partitioned.length === 0) return [];
    const most = Math.max(
      ...partitioned.flatMap((r) =>
        [...(r.series?.keyed ?? []), ...(r.series?.roundRobin ?? []), ...(r.series?.sticky ?? [])].map(
          ([p]) => p,
        ),
      ),
    );
    const categories = Array.from({ length: most + 1 }, (_, p) => `p${p}`);
    const valuesOf = (points: readonly [number, number][] | undefined) =>
      categories.map((_, p) => points?.find(([partition]) => partition === p)?.[1] ?? 0);
    return [
      barChart({
        title: m.partitioning.chartTitle,
        xLabel: m.partitioning.chartX,
        yLabel: m.partitioning.chartY,
        texts: m.report.chartTexts,
        categories,
        series: partitioned.flatMap((result) => [
          { name: `${result.target} ${m.partitioning.keyed}`, values: valuesOf(result.series?.keyed) },
          {
            name: `${result.target} ${m.partitioning.roundRobin}`,
            values: valuesOf(result.series?.roundRobin),
          },
          { name: `${result.target} ${m.partitioning.sticky}`, values: valuesOf(result.series?.sticky) },
        ]),
      }),
    ];
  },
};
