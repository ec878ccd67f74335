import {
  BENCH_RESULTS_SCHEMA,
  type BenchProgress,
  type BenchResults,
  createPayloads,
  durabilityFor,
  type LoadedWorkload,
  measurePublishRate,
  type YardstickEntry,
} from "@brokerlab/bench";
import { type RawPublisher, type TargetId, withTimeout } from "@brokerlab/messaging";
import { connectionSource, targetDefinition } from "@brokerlab/targets";
import { machine } from "../run-bench.js";
import { runNativeTool } from "./native-tools.js";

/** The workload whose message size, partitions, batching and durability the yardstick uses by default. */
export const DEFAULT_YARDSTICK_WORKLOAD = "workloads/1-topic-16-partitions-1kb.yaml";

export interface YardstickOptions {
  readonly loaded: LoadedWorkload;
  readonly targets: readonly TargetId[];
  readonly runId: string;
  /** Seconds each of adapter and raw client publishes, in one-second slices (after a 2 s warm-up each). */
  readonly seconds: number;
  readonly onProgress?: (progress: BenchProgress) => void;
  readonly log: (line: string) => void;
}

type Path = "adapter" | "raw";
/** A round: four one-second slices. Adapter, raw, raw, adapter cancels a drift that is linear over the round. */
const ROUND_ORDER: readonly Path[] = ["adapter", "raw", "raw", "adapter"];
const MIRRORED_ROUND_ORDER: readonly Path[] = ["raw", "adapter", "adapter", "raw"];
const SLICE_SECONDS = 1;
const WARMUP_SECONDS = 2;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: readonly number[]) => (values.length > 0 ? sum(values) / values.length : 0);
const ratio = (a: number, b: number | null) => (b ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * Per target, publish-only at max rate with the workload's message size, partitions, batch and in-flight window,
 * through the adapter and through the raw client (same loop, one-second slices interleaved), then the broker's
 * own tool. Reports adapter ÷ raw and adapter ÷ native.
 */
export async function runYardstick(options: YardstickOptions): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const { workload } = options.loaded;
  const source = connectionSource();
  const rounds = Math.max(1, Math.ceil(options.seconds / (2 * SLICE_SECONDS)));
  const payloads = createPayloads({
    ...workload,
    ...(options.loaded.payload ? { fileBytes: options.loaded.payload.bytes } : {}),
  });
  const entries: YardstickEntry[] = [];

  for (const target of options.targets) {
    const definition = targetDefinition(target);
    const { capabilities } = definition;
    const { rawPublisher } = definition.bench;
    const partitions = capabilities.partitions ? workload.partitionsPerTopic : 1;
    const topicOptions = capabilities.partitions ? { partitions } : {};
    let durability: ReturnType<typeof durabilityFor>;
    try {
      durability = durabilityFor(workload.durability, target, capabilities.durability);
    } catch (error) {
      options.log(`[${target}] skipped: ${(error as Error).message}`);
      continue;
    }
    const notes: string[] = [];
    // Once per distinct error, not once per slice it recurred in.
    const errors = new Set<string>();
    const names: Record<Path, string> = {
      adapter: `bl-yard-${options.runId}-${target}-adapter`,
      raw: `bl-yard-${options.runId}-${target}-raw`,
    };
    const settings = definition.settings(source);
    const client = definition.createClient(settings);
    let raw: RawPublisher | undefined;
    const adapterRates: number[] = [];
    const rawRates: number[] = [];
    const roundRatios: number[] = [];
    try {
      await withTimeout(client.connect(), 15_000, `connecting ${target} to ${client.address}`);
      await client.createTopic(names.adapter, topicOptions);
      if (rawPublisher === "none") notes.push(`${target} has no raw client publisher: adapter only`);
      else raw = await rawPublisher.open(settings, { name: names.raw, partitions });
      const publishers = { adapter: client, raw };
      // Without a raw publisher the rounds measure the adapter alone.
      const paths = (order: readonly Path[]) => order.filter((path) => path === "adapter" || raw);
      let slicesDone = 0;
      const publishFor = async (path: Path, seconds: number): Promise<number> => {
        const publisher = publishers[path];
        if (publisher === undefined) return 0;
        const measured = await measurePublishRate({
          publisher,
          topic: names[path],
          payloads,
          keyDistributor: workload.keyDistributor,
          batchSize: workload.publishBatchSize,
          maxInflight: workload.maxInflightPublishes,
          durability,
          warmupSeconds: 0,
          seconds,
        });
        for (const error of measured.errors) errors.add(`${path}: ${error}`);
        return measured.publishRate.msgPerSec;
      };

      // The first seconds of a client run cold (JIT, buffers, broker caches): each path warms up first.
      await publishFor("adapter", WARMUP_SECONDS);
      if (raw) await publishFor("raw", WARMUP_SECONDS);
      // A shared machine drifts by tens of percent within seconds: short slices interleaved see the same
      // drift on both paths, and the median of the rounds' ratios ignores a round that one stall hit.
      for (let round = 0; round < rounds; round++) {
        const rates: Record<Path, number[]> = { adapter: [], raw: [] };
        const order = paths(round % 2 === 0 ? ROUND_ORDER : MIRRORED_ROUND_ORDER);
        for (const path of order) {
          const rate = await publishFor(path, SLICE_SECONDS);
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
        adapterRates.push(...rates.adapter);
        rawRates.push(...rates.raw);
        const roundRatio = sum(rates.raw) > 0 ? sum(rates.adapter) / sum(rates.raw) : undefined;
        if (roundRatio !== undefined) roundRatios.push(roundRatio);
        options.log(
          `[${target}] round ${round + 1}/${rounds}: adapter ${rates.adapter.join(", ")}, raw ${rates.raw.join(", ")} msg/s` +
            (roundRatio === undefined ? "" : ` (×${roundRatio.toFixed(3)})`),
        );
        if (raw?.empty) {
          // Redis and RabbitMQ queues hold what was published in memory: emptied between rounds, each round
          // starts from the same depth and a long run cannot fill the machine.
          await client.deleteTopic(names.adapter);
          await client.createTopic(names.adapter, topicOptions);
          await raw.empty();
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      notes.push(`failed: ${message}`);
      options.log(`[${target}] failed: ${message}`);
    } finally {
      await client.deleteTopic(names.adapter).catch(() => {});
      await client.close().catch(() => {});
      await raw?.close().catch(() => {});
    }

    options.log(`[${target}] native tool…`);
    const native = await runNativeTool(
      definition,
      settings,
      {
        name: `bl-yard-${options.runId}-${target}-native`,
        messageSize: payloads.size,
        partitions,
        durability,
        batchSize: workload.publishBatchSize,
        maxInflight: workload.maxInflightPublishes,
        seconds: Math.max(1, Math.round(options.seconds)),
      },
      options.log,
    );
    const adapterMsgPerSec = Math.round(mean(adapterRates));
    const rawClientMsgPerSec = Math.round(mean(rawRates));
    notes.push(
      `${roundRatios.length} rounds of 1 s slices (adapter, raw, raw, adapter, or the mirror) after a ${WARMUP_SECONDS} s warm-up each; ` +
        `durability ${durability}, batch ${workload.publishBatchSize}, ${workload.maxInflightPublishes} in flight; ` +
        `adapter ÷ raw per round ${roundRatios.map((value) => value.toFixed(3)).join(" / ")}`,
      ...errors,
      ...native.notes,
    );
    const entry: YardstickEntry = {
      target,
      adapterMsgPerSec,
      rawClientMsgPerSec,
      nativeTool: native.tool,
      nativeMsgPerSec: native.msgPerSec,
      adapterVsRaw: roundRatios.length > 0 ? Math.round(median(roundRatios) * 1000) / 1000 : null,
      adapterVsNative: ratio(adapterMsgPerSec, native.msgPerSec),
      notes,
    };
    options.log(
      `[${target}] adapter ${adapterMsgPerSec}, raw ${rawClientMsgPerSec} (×${entry.adapterVsRaw}), ${native.tool} ${native.msgPerSec} (×${entry.adapterVsNative}) msg/s`,
    );
    entries.push(entry);
  }

  return {
    schema: BENCH_RESULTS_SCHEMA,
    runId: options.runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: "yardstick",
    workload: {
      file: options.loaded.file,
      ...workload,
    },
    machine: machine(),
    targets: [],
    yardstick: entries,
  };
}

/** The middle value (mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
