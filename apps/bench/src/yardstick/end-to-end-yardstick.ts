import {
  type BenchResults,
  BenchStats,
  createKeyDistributor,
  type PayloadSource,
  ProducerLoop,
  sleep,
  type YardstickEntry,
} from "@brokerlab/bench";
import {
  DEFAULT_PREFETCH,
  type DurabilityLevel,
  type Publisher,
  type TargetDefinition,
} from "@brokerlab/messaging";
import { ConsumerPair } from "./consumer-pair.js";
import { CpuMeter, yardstickCpu } from "./cpu-meter.js";
import { mean, type Path, roundCpuRatio, roundOrder, roundsFor, type SliceMeasure } from "./rounds.js";
import { CLIENT_BOUND_PERCENT } from "./run-yardstick.js";
import { spreadNote, spreadOf } from "./spread.js";
import { noteFailure, type YardstickOptions, yardstickOverTargets } from "./yardstick-targets.js";

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

/** What one target's rounds measured, per path. */
class EndToEndRecord {
  readonly consumedNow: Record<Path, number> = { adapter: 0, raw: 0 };
  readonly published: Record<Path, number> = { adapter: 0, raw: 0 };
  readonly consumed: Record<Path, number> = { adapter: 0, raw: 0 };
  readonly rates: Record<Path, number[]> = { adapter: [], raw: [] };
  readonly cpu: Record<Path, CpuMeter> = { adapter: new CpuMeter(), raw: new CpuMeter() };
  readonly cpuVsRaw: number[] = [];
  readonly errors = new Set<string>();
}

interface EndToEndPaths {
  readonly publishers: Record<Path, Publisher | undefined>;
  readonly names: Record<Path, string>;
  readonly payloads: PayloadSource;
  readonly durability: DurabilityLevel;
  readonly record: EndToEndRecord;
  readonly options: YardstickOptions;
}

async function measureEndToEnd(
  definition: TargetDefinition,
  durability: DurabilityLevel,
  payloads: PayloadSource,
  options: YardstickOptions,
): Promise<YardstickEntry> {
  const target = definition.id;
  const record = new EndToEndRecord();
  const pair = new ConsumerPair(definition, options);
  const notes: string[] = [];
  const failed = (error: unknown) => record.errors.add(`adapter: ack failed: ${String(error)}`);
  try {
    await pair.open(
      (delivery) => {
        record.consumedNow.adapter += 1;
        delivery.ack().then(undefined, failed);
      },
      () => {
        record.consumedNow.raw += 1;
        return undefined;
      },
      notes,
    );
    const paths: EndToEndPaths = {
      publishers: { adapter: pair.client, raw: pair.raw },
      names: pair.names,
      payloads,
      durability,
      record,
      options,
    };
    await endToEndRounds(paths, target);
  } catch (error) {
    noteFailure(target, error, notes, options.log);
  } finally {
    await pair.close();
  }
  return endToEndEntry(target, durability, record, notes, options);
}

async function endToEndRounds(paths: EndToEndPaths, target: string): Promise<void> {
  const { options, record } = paths;
  const withRaw = paths.publishers.raw !== undefined;
  await endToEndSlice(paths, "adapter", WARMUP_SECONDS, false);
  if (withRaw) await endToEndSlice(paths, "raw", WARMUP_SECONDS, false);
  const rounds = roundsFor(options.seconds, SLICE_SECONDS);
  for (let round = 0; round < rounds; round++) {
    const slices: Record<Path, SliceMeasure[]> = { adapter: [], raw: [] };
    for (const path of roundOrder(round, withRaw)) {
      const slice = await endToEndSlice(paths, path, SLICE_SECONDS, true);
      slices[path].push(slice);
      record.rates[path].push(slice.rate);
    }
    const cpuVsRaw = roundCpuRatio(slices);
    if (cpuVsRaw !== undefined) record.cpuVsRaw.push(cpuVsRaw);
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
  const { record, options } = paths;
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
  const consumedBefore = record.consumedNow[path];
  if (measured) record.cpu[path].start();
  const started = performance.now();
  loop.start();
  await sleep(seconds * 1000);
  await loop.stop();
  const until = performance.now() + CATCH_UP_MS;
  while (record.consumedNow[path] - consumedBefore < stats.published && performance.now() < until)
    await sleep(5);
  const elapsed = (performance.now() - started) / 1000;
  const micros = measured ? record.cpu[path].stop() : 0;
  const consumed = record.consumedNow[path] - consumedBefore;
  for (const error of stats.errors()) record.errors.add(`${path}: ${error}`);
  if (consumed < stats.published)
    record.errors.add(
      `${path}: a slice's consumer was ${stats.published - consumed} records short after ${CATCH_UP_MS / 1000} s`,
    );
  if (measured) {
    record.published[path] += stats.published;
    record.consumed[path] += consumed;
  }
  return { rate: Math.round(consumed / elapsed), micros, records: (stats.published + consumed) / 2 };
}

function endToEndEntry(
  target: string,
  durability: DurabilityLevel,
  record: EndToEndRecord,
  notes: string[],
  options: YardstickOptions,
): YardstickEntry {
  const { workload } = options.loaded;
  const cpu = {
    adapter: pathCpu(record, "adapter"),
    ...(record.consumed.raw > 0 ? { raw: pathCpu(record, "raw") } : {}),
  };
  const spread = spreadOf(record.cpuVsRaw);
  const busiest = cpu.adapter.mainThreadPercent ?? cpu.adapter.percentOfOneCore;
  notes.push(
    `end to end: ${record.cpuVsRaw.length || record.rates.adapter.length / 2} rounds of ${SLICE_SECONDS} s slices (adapter, raw, raw, adapter, or the mirror) at ${workload.producerRate} msg/s of ${workload.messageSize}-byte records after a ${WARMUP_SECONDS} s warm-up each; durability ${durability}, batch ${workload.publishBatchSize}, ${workload.maxInflightPublishes} in flight, prefetch ${DEFAULT_PREFETCH}; CPU per record adapter ÷ raw per round ${record.cpuVsRaw.map((value) => value.toFixed(3)).join(" / ")}`,
    ...(spread ? [spreadNote("CPU adapter ÷ raw", spread)] : []),
    ...record.errors,
  );
  const entry: YardstickEntry = {
    target,
    side: "end-to-end",
    offeredRate: workload.producerRate,
    adapterMsgPerSec: Math.round(mean(record.rates.adapter)),
    rawClientMsgPerSec: Math.round(mean(record.rates.raw)),
    nativeTool: "none",
    nativeMsgPerSec: null,
    adapterVsRaw: null,
    adapterVsNative: null,
    ...(spread ? { cpuVsRaw: spread.median, cpuVsRawSpread: spread } : {}),
    cpu,
    clientBound: busiest >= CLIENT_BOUND_PERCENT,
    notes,
  };
  options.log(
    `[${target}] end to end at ${workload.producerRate} msg/s: µs CPU per record adapter ${cpu.adapter.usPerRecord}, raw ${cpu.raw?.usPerRecord ?? "–"} (×${entry.cpuVsRaw ?? "–"})`,
  );
  return entry;
}

function pathCpu(record: EndToEndRecord, path: Path) {
  return yardstickCpu(record.cpu[path], "coordinator", {
    published: record.published[path],
    consumed: record.consumed[path],
  });
}
