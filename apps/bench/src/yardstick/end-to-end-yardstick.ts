import {
  type BenchResults,
  BenchStats,
  createKeyDistributor,
  type PayloadSource,
  ProducerLoop,
  sleep,
  type YardstickEntry,
} from "@brokerlab/bench";
import { DEFAULT_PREFETCH, type DurabilityLevel } from "@brokerlab/messaging";
import { ConsumerPair } from "./consumer-pair.js";
import { clientBound, PathTally, type TallyPaths } from "./path-tally.js";
import { mean, type Path, roundOrder, roundsFor, type SliceMeasure } from "./rounds.js";
import { spreadNote, spreadOf } from "./spread.js";
import {
  type MeasureTarget,
  noteFailure,
  type YardstickOptions,
  yardstickOverTargets,
} from "./yardstick-targets.js";

/** `--end-to-end` without `--workload`: 128-byte records, one producer and one consumer (repo-relative). */
export const END_TO_END_WORKLOAD = "workloads/smoke.yaml";
/** Each path publishes at the rate this long per slice. */
const SLICE_SECONDS = 5;
const WARMUP_SECONDS = 2;
/** After a slice's publishing, how long its consumer may take to catch up before the slice ends anyway. */
const CATCH_UP_MS = 5_000;

/**
 * Per target, publish and consume together at the workload's fixed rate (`--rate`): through the adapter's
 * publish and subscribe, and through the raw publisher with the raw consumer, in the yardstick's interleaved
 * slices. Reports each path's bench CPU per record end to end, CPU ÷ ((published + consumed) ÷ 2), and adapter ÷
 * raw of it per round: the raw figure is the reference the adapter's end-to-end CPU is judged against.
 */
export function runEndToEndYardstick(options: YardstickOptions): Promise<BenchResults> {
  return yardstickOverTargets(options, measureEndToEnd);
}

interface EndToEndPaths extends TallyPaths {
  readonly payloads: PayloadSource;
  readonly durability: DurabilityLevel;
  /** Records each path's consumer has handed over so far, measured or not. */
  readonly consumedNow: Record<Path, number>;
}

const measureEndToEnd: MeasureTarget = async (definition, durability, payloads, options) => {
  const target = definition.id;
  const tally = new PathTally();
  const consumedNow: Record<Path, number> = { adapter: 0, raw: 0 };
  const pair = new ConsumerPair(definition, options);
  const notes: string[] = [];
  const failed = (error: unknown) => tally.errors.add(`adapter: ack failed: ${String(error)}`);
  try {
    await pair.open(
      (delivery) => {
        consumedNow.adapter += 1;
        delivery.ack().then(undefined, failed);
      },
      () => {
        consumedNow.raw += 1;
        return undefined;
      },
      notes,
    );
    const paths: EndToEndPaths = {
      target,
      publishers: { adapter: pair.client, raw: pair.raw },
      names: pair.names,
      payloads,
      durability,
      tally,
      consumedNow,
      options,
    };
    await endToEndRounds(paths);
  } catch (error) {
    noteFailure(target, error, notes, options.log);
  } finally {
    await pair.close();
  }
  return endToEndEntry(target, durability, tally, notes, options);
};

async function endToEndRounds(paths: EndToEndPaths): Promise<void> {
  const { options, tally, target } = paths;
  const withRaw = paths.publishers.raw !== undefined;
  await endToEndSlice(paths, "adapter", WARMUP_SECONDS, false);
  if (withRaw) await endToEndSlice(paths, "raw", WARMUP_SECONDS, false);
  const rounds = roundsFor(options.seconds, SLICE_SECONDS);
  for (let round = 0; round < rounds; round++) {
    const slices: Record<Path, SliceMeasure[]> = { adapter: [], raw: [] };
    for (const path of roundOrder(round, withRaw)) {
      const slice = await endToEndSlice(paths, path, SLICE_SECONDS, true);
      slices[path].push(slice);
      tally.rates[path].push(slice.rate);
    }
    const cpuVsRaw = tally.addCpuRatio(slices);
    const perRecord = (measures: SliceMeasure[]) =>
      measures.map((measure) => (measure.micros / Math.max(1, measure.records)).toFixed(1)).join(", ");
    options.log(
      `[${target}] round ${round + 1}/${rounds}: µs CPU per record adapter ${perRecord(slices.adapter)}, raw ${perRecord(slices.raw)}` +
        (cpuVsRaw === undefined ? "" : ` (×${cpuVsRaw.toFixed(3)})`),
    );
  }
}

/**
 * Publishes at the workload's rate through one path for `seconds` and waits for its consumer to catch up; the
 * slice's records are (published + consumed) ÷ 2 and its rate the consumed one.
 */
async function endToEndSlice(
  paths: EndToEndPaths,
  path: Path,
  seconds: number,
  measured: boolean,
): Promise<SliceMeasure> {
  const { tally, consumedNow, options } = paths;
  const { workload } = options.loaded;
  const publisher = paths.publishers[path];
  if (publisher === undefined) return { rate: 0, micros: 0, records: 0 };
  const stats = new BenchStats();
  const loop = new ProducerLoop({
    publisher,
    topic: paths.names[path],
    rate: workload.producerRate,
    keys: createKeyDistributor(workload.keyDistributor),
    payloads: paths.payloads,
    batchSize: workload.publishBatchSize,
    maxInflight: workload.maxInflightPublishes,
    durability: paths.durability,
    stats,
  });
  const consumedBefore = consumedNow[path];
  if (measured) tally.cpu[path].start();
  const started = performance.now();
  loop.start();
  await sleep(seconds * 1000);
  await loop.stop();
  const until = performance.now() + CATCH_UP_MS;
  while (consumedNow[path] - consumedBefore < stats.published && performance.now() < until) await sleep(5);
  const elapsed = (performance.now() - started) / 1000;
  const micros = measured ? tally.cpu[path].stop() : 0;
  const consumed = consumedNow[path] - consumedBefore;
  for (const error of stats.errors()) tally.errors.add(`${path}: ${error}`);
  if (consumed < stats.published)
    tally.errors.add(
      `${path}: a slice's consumer was ${stats.published - consumed} records short after ${CATCH_UP_MS / 1000} s`,
    );
  if (measured) {
    tally.published[path] += stats.published;
    tally.consumed[path] += consumed;
  }
  return { rate: Math.round(consumed / elapsed), micros, records: (stats.published + consumed) / 2 };
}

function endToEndEntry(
  target: string,
  durability: DurabilityLevel,
  tally: PathTally,
  notes: string[],
  options: YardstickOptions,
): YardstickEntry {
  const { workload } = options.loaded;
  const cpu = tally.cpuAs("coordinator");
  const spread = spreadOf(tally.cpuVsRaw);
  notes.push(
    `end to end: ${tally.cpuVsRaw.length || tally.rates.adapter.length / 2} rounds of ${SLICE_SECONDS} s slices (adapter, raw, raw, adapter, or the mirror) at ${workload.producerRate} msg/s of ${workload.messageSize}-byte records after a ${WARMUP_SECONDS} s warm-up each; durability ${durability}, batch ${workload.publishBatchSize}, ${workload.maxInflightPublishes} in flight, prefetch ${DEFAULT_PREFETCH}; CPU per record adapter ÷ raw per round ${tally.cpuVsRaw.map((value) => value.toFixed(3)).join(" / ")}`,
    ...(spread ? [spreadNote("CPU adapter ÷ raw", spread)] : []),
    ...tally.errors,
  );
  const entry: YardstickEntry = {
    target,
    side: "end-to-end",
    offeredRate: workload.producerRate,
    adapterMsgPerSec: Math.round(mean(tally.rates.adapter)),
    rawClientMsgPerSec: Math.round(mean(tally.rates.raw)),
    nativeTool: "none",
    nativeMsgPerSec: null,
    adapterVsRaw: null,
    adapterVsNative: null,
    ...(spread ? { cpuVsRaw: spread.median, cpuVsRawSpread: spread } : {}),
    cpu,
    clientBound: clientBound(cpu.adapter),
    notes,
  };
  options.log(
    `[${target}] end to end at ${workload.producerRate} msg/s: µs CPU per record adapter ${cpu.adapter.usPerRecord}, raw ${cpu.raw?.usPerRecord ?? "–"} (×${entry.cpuVsRaw ?? "–"})`,
  );
  return entry;
}
