import {
  type BenchResults,
  createKeyDistributor,
  type KeyDistributor,
  type PayloadSource,
  SENT_AT_HEADER,
  type YardstickEntry,
} from "@brokerlab/bench";
import {
  DEFAULT_PREFETCH,
  type DurabilityLevel,
  type MessageRecord,
  type Publisher,
  type RawPublisher,
  type TargetDefinition,
} from "@brokerlab/messaging";
import { ConsumerPair } from "./consumer-pair.js";
import { nativeToolContext } from "./native-tools.js";
import { clientBound, PathTally, type TallyPaths } from "./path-tally.js";
import { mean, type Path, ratio, roundOrder, roundsFor, type SliceMeasure, sliceRecords } from "./rounds.js";
import { SliceGate } from "./slice-gate.js";
import { spreadNote, spreadOf } from "./spread.js";
import {
  type MeasureTarget,
  noteFailure,
  type YardstickOptions,
  yardstickOverTargets,
} from "./yardstick-targets.js";

/** Records consumed in a slice are sized for about this long at the slower path's last rate. */
const SLICE_SECONDS = 1;
/** The fewest records a slice consumes (the warm-up slices consume twice as many). */
const MIN_SLICE_RECORDS = 2_000;
/** A slice that has not consumed its records by then ends with what it has (and says so). */
const SLICE_TIMEOUT_MS = 30_000;
/**
 * The native consumer reads about this long: filled with twice what the faster Node path reads in it, within
 * bounds (a JVM client reads several times faster; 300 000 records of 1 KiB take the Node filler ~10 s).
 */
const NATIVE_SECONDS = 3;
const NATIVE_RECORDS = { min: 20_000, max: 300_000 };

/**
 * Per target, on a topic or queue filled before each slice: the adapter's subscribe consuming and
 * acknowledging it against the raw client's loop doing the same job (the target's `rawConsumer`), in the
 * publish yardstick's interleaved rounds, then the broker's own consumer tool once, where it has one. Reports
 * adapter ÷ raw (median of the rounds, with its spread) and the bench process's CPU per record on each path.
 */
export function runConsumeYardstick(options: YardstickOptions): Promise<BenchResults> {
  return yardstickOverTargets(options, measureConsume);
}

/** One target's two paths: what fills each and the gate both consumers hand their records to. */
interface ConsumePaths extends TallyPaths {
  readonly filler: Filler;
  readonly gate: SliceGate;
}

const measureConsume: MeasureTarget = async (definition, durability, payloads, options) => {
  const target = definition.id;
  const tally = new PathTally();
  const gate = new SliceGate();
  const pair = new ConsumerPair(definition, options);
  const notes: string[] = [];
  let native: NativeConsumeResult | undefined;
  try {
    await pair.open(adapterHandler(gate, tally), gate.pass, notes);
    const paths: ConsumePaths = {
      target,
      publishers: { adapter: pair.client, raw: pair.raw },
      names: pair.names,
      filler: new Filler(payloads, options.loaded.workload, durability),
      gate,
      tally,
      options,
    };
    await consumeRounds(paths);
    await pair.closeRawConsumer();
    native = await nativeConsume(definition, pair.settings, paths, pair.partitions);
  } catch (error) {
    noteFailure(target, error, notes, options.log);
  } finally {
    gate.release();
    await pair.close();
  }
  return consumeEntry(definition, durability, tally, native, notes, options);
};

/** The adapter path's handler: the gate decides when, then the delivery is acknowledged (not awaited). */
function adapterHandler(gate: SliceGate, tally: PathTally) {
  const failed = (error: unknown) => tally.errors.add(`adapter: ack failed: ${String(error)}`);
  return (delivery: { ack(): Promise<void> }): Promise<void> | undefined => {
    const held = gate.pass();
    if (held === undefined) {
      delivery.ack().then(undefined, failed);
      return undefined;
    }
    // Not the ack's promise: a target that runs handlers one at a time would wait a flush per record.
    return held.then(() => {
      delivery.ack().then(undefined, failed);
    });
  };
}

/** Warm-up, then the rounds: fill, consume, per slice, in the publish yardstick's order. */
async function consumeRounds(paths: ConsumePaths): Promise<void> {
  const { options, tally, target } = paths;
  const withRaw = paths.publishers.raw !== undefined;
  const last: Record<Path, number> = { adapter: 0, raw: 0 };
  // The first records of a client run cold (JIT, buffers, broker caches): each path warms up first.
  last.adapter = (await consumeSlice(paths, "adapter", 2 * MIN_SLICE_RECORDS, false)).rate;
  if (withRaw) last.raw = (await consumeSlice(paths, "raw", 2 * MIN_SLICE_RECORDS, false)).rate;
  const rounds = roundsFor(options.seconds, SLICE_SECONDS);
  for (let round = 0; round < rounds; round++) {
    const records = sliceRecords(
      withRaw ? [last.adapter, last.raw] : [last.adapter],
      SLICE_SECONDS,
      MIN_SLICE_RECORDS,
    );
    const rates: Record<Path, number[]> = { adapter: [], raw: [] };
    const slices: Record<Path, SliceMeasure[]> = { adapter: [], raw: [] };
    for (const path of roundOrder(round, withRaw)) {
      const slice = await consumeSlice(paths, path, records, true);
      rates[path].push(slice.rate);
      slices[path].push(slice);
      last[path] = slice.rate;
    }
    tally.addCpuRatio(slices);
    const adapterVsRaw = tally.addRates(rates);
    options.onProgress?.({
      target,
      phase: "test",
      second: round + 1,
      of: rounds,
      offeredRate: 0,
      publishRate: 0,
      consumeRate: Math.round(mean(rates.adapter)),
      backlog: 0,
    });
    const ratioText = adapterVsRaw === undefined ? "" : ` (×${adapterVsRaw.toFixed(3)})`;
    options.log(
      `[${target}] round ${round + 1}/${rounds}, ${records} records a slice: adapter ${rates.adapter.join(", ")}, raw ${rates.raw.join(", ")} msg/s${ratioText}`,
    );
  }
}

/**
 * Fills the path's topic with `records` (its consumer takes up to its prefetch window and the gate holds them),
 * then opens the gate and times consuming and acknowledging all of them.
 */
async function consumeSlice(
  paths: ConsumePaths,
  path: Path,
  records: number,
  measured: boolean,
): Promise<SliceMeasure> {
  const { tally, gate } = paths;
  const publisher = paths.publishers[path];
  if (publisher === undefined) return { rate: 0, micros: 0, records: 0 };
  await paths.filler.fill(publisher, paths.names[path], records);
  if (measured) tally.cpu[path].start();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    gate.open(records).then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), SLICE_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  const consumed = timedOut ? gate.close() : records;
  const seconds = (performance.now() - started) / 1000;
  const micros = measured ? tally.cpu[path].stop() : 0;
  if (measured) tally.consumed[path] += consumed;
  if (timedOut)
    tally.errors.add(
      `${path}: a slice consumed ${consumed} of ${records} records in ${SLICE_TIMEOUT_MS / 1000} s`,
    );
  return { rate: Math.round(consumed / seconds), micros, records: consumed };
}

/** Publishes records as a workload's producer builds them (key, value, send-time header), batch by batch. */
class Filler {
  private readonly keys: KeyDistributor;

  constructor(
    private readonly payloads: PayloadSource,
    private readonly workload: YardstickOptions["loaded"]["workload"],
    private readonly durability: DurabilityLevel,
  ) {
    this.keys = createKeyDistributor(workload.keyDistributor);
  }

  async fill(publisher: Publisher, topic: string, count: number): Promise<void> {
    const { publishBatchSize, maxInflightPublishes } = this.workload;
    const inflight = new Set<Promise<unknown>>();
    for (let left = count; left > 0; ) {
      const size = Math.min(publishBatchSize, left);
      left -= size;
      const sending = publisher.publish(topic, this.batch(size), { durability: this.durability });
      const done: Promise<unknown> = sending.then(() => inflight.delete(done));
      inflight.add(done);
      if (inflight.size >= maxInflightPublishes) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  }

  private batch(size: number): MessageRecord[] {
    const now = Date.now();
    const headers = { [SENT_AT_HEADER]: String(now) };
    return Array.from({ length: size }, () => ({
      key: this.keys.next(),
      value: this.payloads.next(),
      headers,
      timestamp: now,
    }));
  }
}

interface NativeConsumeResult {
  readonly tool: string;
  readonly msgPerSec: number | null;
  readonly notes: readonly string[];
}

/** The broker's own consumer on a topic the raw publisher filled; a tool that fails is a note. */
async function nativeConsume(
  definition: TargetDefinition,
  settings: unknown,
  paths: ConsumePaths,
  partitions: number,
): Promise<NativeConsumeResult | undefined> {
  const tool = definition.bench.nativeConsumer;
  const { rawPublisher } = definition.bench;
  if (tool === undefined || rawPublisher === "none") return undefined;
  const { options, tally } = paths;
  const name = `bl-yard-${options.runId}-${definition.id}-native`;
  const fastest = Math.max(mean(tally.rates.adapter), mean(tally.rates.raw));
  const wanted = Math.round(fastest * NATIVE_SECONDS * 2);
  const records = Math.min(NATIVE_RECORDS.max, Math.max(NATIVE_RECORDS.min, wanted));
  options.log(`[${definition.id}] ${tool.name} on ${records} records…`);
  let publisher: RawPublisher | undefined;
  try {
    publisher = await rawPublisher.open(settings, { name, partitions });
    await paths.filler.fill(publisher, name, records);
    const run = {
      name,
      records,
      messageSize: options.loaded.workload.messageSize,
      partitions,
      prefetch: DEFAULT_PREFETCH,
      seconds: NATIVE_SECONDS,
    };
    const result = await tool.run(settings, run, nativeToolContext(options.log));
    return { tool: tool.name, msgPerSec: result.msgPerSec, notes: result.notes };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { tool: tool.name, msgPerSec: null, notes: [`native consumer failed: ${message}`] };
  } finally {
    await publisher?.close().catch(() => {});
  }
}

function consumeEntry(
  definition: TargetDefinition,
  durability: DurabilityLevel,
  tally: PathTally,
  native: NativeConsumeResult | undefined,
  notes: string[],
  options: YardstickOptions,
): YardstickEntry {
  const target = definition.id;
  const adapterMsgPerSec = Math.round(mean(tally.rates.adapter));
  const rawClientMsgPerSec = Math.round(mean(tally.rates.raw));
  const nativeMsgPerSec = native?.msgPerSec ?? null;
  const nativeTool = native?.tool ?? "none";
  const spread = spreadOf(tally.adapterVsRaw);
  const cpuSpread = spreadOf(tally.cpuVsRaw);
  const cpu = tally.cpuAs("consumer");
  notes.push(
    `consume: ${tally.rounds} rounds of slices (adapter, raw, raw, adapter, or the mirror), each slice consuming and acknowledging what was published just before it (sized for ~${SLICE_SECONDS} s), after a warm-up slice each; prefetch ${DEFAULT_PREFETCH}, filled at durability ${durability}; adapter ÷ raw per round ${tally.adapterVsRaw.map((value) => value.toFixed(3)).join(" / ")}`,
    ...(spread ? [spreadNote("adapter ÷ raw", spread)] : []),
    ...(native?.notes ??
      (definition.bench.nativeConsumer ? [] : [`${target} has no native consumer tool here`])),
    ...tally.errors,
  );
  const entry: YardstickEntry = {
    target,
    side: "consume",
    adapterMsgPerSec,
    rawClientMsgPerSec,
    nativeTool,
    nativeMsgPerSec,
    adapterVsRaw: spread?.median ?? null,
    adapterVsNative: ratio(adapterMsgPerSec, nativeMsgPerSec),
    rawVsNative: ratio(rawClientMsgPerSec, nativeMsgPerSec),
    ...(spread ? { adapterVsRawSpread: spread } : {}),
    ...(cpuSpread ? { cpuVsRaw: cpuSpread.median, cpuVsRawSpread: cpuSpread } : {}),
    nativeRounds: 0,
    cpu,
    clientBound: clientBound(cpu.adapter),
    notes,
  };
  options.log(
    `[${target}] consume: adapter ${adapterMsgPerSec}, raw ${rawClientMsgPerSec} (×${entry.adapterVsRaw})` +
      (native ? `, ${nativeTool} ${nativeMsgPerSec ?? "failed"}` : "") +
      ` msg/s; µs CPU per record ${cpu.adapter.usPerRecordConsumed} / ${cpu.raw?.usPerRecordConsumed ?? "–"}`,
  );
  return entry;
}
