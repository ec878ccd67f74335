import {
  type BenchResults,
  measurePublishRate,
  type PayloadSource,
  type Spread,
  type YardstickEntry,
} from "@brokerlab/bench";
import {
  type DurabilityLevel,
  type NativeRounds,
  type NativeRun,
  type RawPublisher,
  type TargetDefinition,
  type TargetId,
  withTimeout,
} from "@brokerlab/messaging";
import { connectionSource } from "@brokerlab/targets";
import { openNativeRounds, runNativeTool } from "./native-tools.js";
import { clientBound, PathTally, type TallyPaths } from "./path-tally.js";
import { mean, type Path, ratio, roundOrder, roundsFor, sum } from "./rounds.js";
import { spreadNote, spreadOf } from "./spread.js";
import {
  type MeasureTarget,
  noteFailure,
  type YardstickOptions,
  yardstickOverTargets,
} from "./yardstick-targets.js";

export type { YardstickOptions } from "./yardstick-targets.js";

/** The workload whose message size, partitions, batching and durability the yardstick uses by default. */
export const DEFAULT_YARDSTICK_WORKLOAD = "workloads/1-topic-16-partitions-1kb.yaml";

const SLICE_SECONDS = 1;
const WARMUP_SECONDS = 2;
/** A native round publishes as long as the adapter does in a round (two slices). */
const NATIVE_ROUND_SECONDS = 2 * SLICE_SECONDS;
/**
 * Native rounds run and discarded before the measured ones: a JVM compiles the producer's hot paths over its first
 * seconds, and the first round is sized from a guess, so without these the first measured rounds ran colder (and
 * shorter or longer) than the rest.
 */
const NATIVE_WARMUP_ROUNDS = 3;
/**
 * Per target, publish-only at max rate with the workload's message size, partitions, batch and in-flight window,
 * through the adapter and through the raw client (same loop, one-second slices interleaved) and, where the tool
 * runs in rounds, the broker's own tool between them (else once, after). Reports adapter ÷ raw, adapter ÷ native
 * and raw ÷ native (the Node client's ceiling) with their spreads, and the bench process's CPU.
 */
export function runYardstick(options: YardstickOptions): Promise<BenchResults> {
  return yardstickOverTargets(options, measureTarget);
}

/** What the native tool's interleaved rounds measured, and the paths' ratios to it. */
class NativeTally {
  readonly rates: number[] = [];
  readonly adapterVsNative: number[] = [];
  readonly rawVsNative: number[] = [];

  /** Keeps one native round's rate and the round's paths' mean rates against it. */
  add(rates: Readonly<Record<Path, readonly number[]>>, nativeRate: number): void {
    const raw = mean(rates.raw);
    this.rates.push(nativeRate);
    this.adapterVsNative.push(mean(rates.adapter) / nativeRate);
    if (raw > 0) this.rawVsNative.push(raw / nativeRate);
  }
}

const measureTarget: MeasureTarget = async (definition, durability, payloads, options) => {
  const target = definition.id;
  const { workload } = options.loaded;
  const { capabilities } = definition;
  const { rawPublisher } = definition.bench;
  const partitions = capabilities.partitions ? workload.partitionsPerTopic : 1;
  const topicOptions = capabilities.partitions ? { partitions } : {};
  const notes: string[] = [];
  const names: Record<Path, string> = {
    adapter: `bl-yard-${options.runId}-${target}-adapter`,
    raw: `bl-yard-${options.runId}-${target}-raw`,
  };
  const nativeRun: NativeRun = {
    name: `bl-yard-${options.runId}-${target}-native`,
    messageSize: payloads.size,
    partitions,
    durability,
    batchSize: workload.publishBatchSize,
    maxInflight: workload.maxInflightPublishes,
    seconds: Math.max(1, Math.round(options.seconds)),
  };
  const settings = definition.settings(connectionSource());
  const client = definition.createClient(settings);
  const tally = new PathTally();
  const nativeTally = new NativeTally();
  let raw: RawPublisher | undefined;
  let native: NativeRounds | undefined;
  try {
    await withTimeout(client.connect(), 15_000, `connecting ${target} to ${client.address}`);
    await client.createTopic(names.adapter, topicOptions);
    if (rawPublisher === "none") notes.push(`${target} has no raw client publisher: adapter only`);
    else raw = await rawPublisher.open(settings, { name: names.raw, partitions });
    const slices: Slices = {
      target,
      publishers: { adapter: client, raw },
      names,
      payloads,
      durability,
      tally,
      nativeTally,
      options,
    };
    // The first seconds of a client run cold (JIT, buffers, broker caches): each path warms up first.
    await publishSlice(slices, "adapter", WARMUP_SECONDS, false);
    if (raw) await publishSlice(slices, "raw", WARMUP_SECONDS, false);
    native = await openNativeRounds(definition, settings, nativeRun, options.log, notes);
    for (let round = 0; native && round < NATIVE_WARMUP_ROUNDS; round++)
      await native.round(NATIVE_ROUND_SECONDS);
    await runRounds(slices, native, async () => {
      if (raw?.empty) {
        // Redis and RabbitMQ queues hold what was published in memory: emptied between rounds, each round
        // starts from the same depth and a long run cannot fill the machine.
        await client.deleteTopic(names.adapter);
        await client.createTopic(names.adapter, topicOptions);
        await raw.empty();
      }
    });
  } catch (error) {
    noteFailure(target, error, notes, options.log);
  } finally {
    await client.deleteTopic(names.adapter).catch(() => {});
    await client.close().catch(() => {});
    await raw?.close().catch(() => {});
    await native?.close().catch(() => {});
  }
  return entryFor(definition, durability, { tally, nativeTally }, native, nativeRun, notes, options);
};

/** What one target's slices publish with, and where they record what they measured. */
interface Slices extends TallyPaths {
  readonly payloads: PayloadSource;
  readonly durability: DurabilityLevel;
  readonly nativeTally: NativeTally;
}

/** Publishes for `seconds` through one path at max rate; a measured slice counts its CPU and records. */
async function publishSlice(slices: Slices, path: Path, seconds: number, measured: boolean): Promise<number> {
  const { tally } = slices;
  const { workload } = slices.options.loaded;
  const publisher = slices.publishers[path];
  if (publisher === undefined) return 0;
  if (measured) tally.cpu[path].start();
  const result = await measurePublishRate({
    publisher,
    topic: slices.names[path],
    payloads: slices.payloads,
    keyDistributor: workload.keyDistributor,
    batchSize: workload.publishBatchSize,
    maxInflight: workload.maxInflightPublishes,
    durability: slices.durability,
    warmupSeconds: 0,
    seconds,
  });
  if (measured) {
    tally.cpu[path].stop();
    tally.published[path] += result.published;
  }
  for (const error of result.errors) tally.errors.add(`${path}: ${error}`);
  return result.publishRate.msgPerSec;
}

/**
 * The measured rounds: each interleaves the paths' slices, then runs the native tool's round, records the
 * round and calls `betweenRounds`.
 */
async function runRounds(
  slices: Slices,
  native: NativeRounds | undefined,
  betweenRounds: () => Promise<void>,
): Promise<void> {
  const { options, tally, nativeTally, target } = slices;
  const rounds = roundsFor(options.seconds, SLICE_SECONDS);
  let slicesDone = 0;
  // A shared machine drifts by tens of percent within seconds: short slices interleaved see the same
  // drift on every path, and the median of the rounds' ratios ignores a round that one stall hit.
  for (let round = 0; round < rounds; round++) {
    const rates: Record<Path, number[]> = { adapter: [], raw: [] };
    const order = roundOrder(round, slices.publishers.raw !== undefined);
    for (const path of order) {
      const rate = await publishSlice(slices, path, SLICE_SECONDS, true);
      rates[path].push(rate);
      slicesDone++;
      options.onProgress?.({
        target,
        phase: "test",
        second: slicesDone * SLICE_SECONDS,
        of: rounds * order.length * SLICE_SECONDS,
        offeredRate: 0,
        publishRate: rate,
        consumeRate: 0,
        backlog: 0,
      });
    }
    const nativeRate = native ? await native.round(NATIVE_ROUND_SECONDS) : undefined;
    tally.addRates(rates);
    if (nativeRate !== undefined && nativeRate > 0) nativeTally.add(rates, nativeRate);
    options.log(roundLine(target, round, rounds, rates, nativeRate));
    await betweenRounds();
  }
}

function roundLine(
  target: TargetId,
  round: number,
  rounds: number,
  rates: Record<Path, number[]>,
  nativeRate: number | undefined,
): string {
  const raw = sum(rates.raw) > 0 ? ` (×${(sum(rates.adapter) / sum(rates.raw)).toFixed(3)})` : "";
  const native = nativeRate === undefined ? "" : `, native ${nativeRate}`;
  return `[${target}] round ${round + 1}/${rounds}: adapter ${rates.adapter.join(", ")}, raw ${rates.raw.join(", ")}${native} msg/s${raw}`;
}

async function entryFor(
  definition: TargetDefinition,
  durability: DurabilityLevel,
  { tally, nativeTally }: { readonly tally: PathTally; readonly nativeTally: NativeTally },
  native: NativeRounds | undefined,
  nativeRun: NativeRun,
  notes: string[],
  options: YardstickOptions,
): Promise<YardstickEntry> {
  const target = definition.id;
  const { workload } = options.loaded;
  const adapterMsgPerSec = Math.round(mean(tally.rates.adapter));
  const rawClientMsgPerSec = Math.round(mean(tally.rates.raw));
  const interleaved = native !== undefined && nativeTally.rates.length > 0;
  let nativeTool = definition.bench.nativeTool === "none" ? "none" : definition.bench.nativeTool.name;
  let nativeMsgPerSec: number | null = interleaved ? Math.round(mean(nativeTally.rates)) : null;
  if (!interleaved) {
    options.log(`[${target}] native tool…`);
    const once = await runNativeTool(
      definition,
      definition.settings(connectionSource()),
      nativeRun,
      options.log,
    );
    nativeTool = once.tool;
    nativeMsgPerSec = once.msgPerSec;
    notes.push(...once.notes);
  }
  const adapterVsRawSpread = spreadOf(tally.adapterVsRaw);
  const adapterVsNativeSpread = interleaved ? spreadOf(nativeTally.adapterVsNative) : undefined;
  const cpu = tally.cpuAs("producer");
  const busiest = cpu.adapter.mainThreadPercent ?? cpu.adapter.percentOfOneCore;
  notes.push(
    `${tally.rounds} rounds of 1 s slices (adapter, raw, raw, adapter, or the mirror) after a ${WARMUP_SECONDS} s warm-up each` +
      (interleaved
        ? `, each followed by a ${NATIVE_ROUND_SECONDS} s round of ${nativeTool} after ${NATIVE_WARMUP_ROUNDS} discarded ones (${native?.notes.join("; ")})`
        : "") +
      `; durability ${durability}, batch ${workload.publishBatchSize}, ${workload.maxInflightPublishes} in flight; ` +
      `adapter ÷ raw per round ${tally.adapterVsRaw.map((value) => value.toFixed(3)).join(" / ")}`,
    ...spreadNotes(adapterVsRawSpread, adapterVsNativeSpread),
    ...tally.errors,
  );
  const entry: YardstickEntry = {
    target,
    adapterMsgPerSec,
    rawClientMsgPerSec,
    nativeTool,
    nativeMsgPerSec,
    adapterVsRaw: adapterVsRawSpread?.median ?? null,
    adapterVsNative: adapterVsNativeSpread?.median ?? ratio(adapterMsgPerSec, nativeMsgPerSec),
    rawVsNative: interleaved
      ? (spreadOf(nativeTally.rawVsNative)?.median ?? null)
      : ratio(rawClientMsgPerSec, nativeMsgPerSec),
    ...(adapterVsRawSpread ? { adapterVsRawSpread } : {}),
    ...(adapterVsNativeSpread ? { adapterVsNativeSpread } : {}),
    ...(interleaved ? { nativeSpread: spreadOf(nativeTally.rates) } : {}),
    nativeRounds: nativeTally.rates.length,
    cpu,
    clientBound: clientBound(cpu.adapter),
    notes,
  };
  options.log(
    `[${target}] adapter ${adapterMsgPerSec}, raw ${rawClientMsgPerSec} (×${entry.adapterVsRaw}), ${nativeTool} ${nativeMsgPerSec} (×${entry.adapterVsNative}) msg/s; bench JS thread ${busiest} % of a core`,
  );
  return entry;
}

function spreadNotes(adapterVsRaw: Spread | undefined, adapterVsNative: Spread | undefined): string[] {
  return [
    ...(adapterVsRaw ? [spreadNote("adapter ÷ raw", adapterVsRaw)] : []),
    ...(adapterVsNative ? [spreadNote("adapter ÷ native", adapterVsNative)] : []),
  ];
}
