import {
  BENCH_RESULTS_SCHEMA,
  type BenchProgress,
  type BenchResults,
  createPayloads,
  durabilityFor,
  type LoadedWorkload,
  measurePublishRate,
  type PublishMeasurement,
  type YardstickEntry,
} from "@brokerlab/bench";
import { type Publisher, type TargetId, withTimeout } from "@brokerlab/messaging";
import { capabilitiesOf, createClient, settingsFromEnv } from "@brokerlab/targets";
import { machine } from "../run-bench.js";
import { runNativeTool } from "./native-tools.js";
import { createRawPublisher } from "./raw-publishers.js";

/** The workload whose message size, partitions, batching and durability the yardstick uses by default. */
export const DEFAULT_YARDSTICK_WORKLOAD = "workloads/1-topic-16-partitions-1kb.yaml";

export interface YardstickOptions {
  readonly loaded: LoadedWorkload;
  readonly targets: readonly TargetId[];
  readonly runId: string;
  /** Seconds each measurement runs (after a 2 s warm-up). */
  readonly seconds: number;
  /** Adapter/raw measurement pairs; the ratio is the median of the pairs' ratios (default 3). */
  readonly rounds?: number;
  readonly onProgress?: (progress: BenchProgress) => void;
  readonly log: (line: string) => void;
}

const ratio = (a: number, b: number | null) => (b ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * Per target, publish-only at max rate with the workload's message size, partitions, batch and in-flight window:
 * through the adapter and through the raw client (alternating, `rounds` times each, same loop), then the broker's
 * own tool. Reports adapter ÷ raw and adapter ÷ native.
 */
export async function runYardstick(options: YardstickOptions): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const { workload } = options.loaded;
  const settings = settingsFromEnv();
  const seconds = Math.max(1, Math.round(options.seconds));
  const rounds = options.rounds ?? 3;
  const payloads = createPayloads({
    ...workload,
    ...(options.loaded.payload ? { fileBytes: options.loaded.payload.bytes } : {}),
  });
  const entries: YardstickEntry[] = [];

  for (const target of options.targets) {
    const capabilities = capabilitiesOf(target);
    const partitions = capabilities.partitions ? workload.partitionsPerTopic : 1;
    const notes: string[] = [];
    let durability: ReturnType<typeof durabilityFor>;
    try {
      durability = durabilityFor(workload.durability, target, capabilities.durability);
    } catch (error) {
      options.log(`[${target}] skipped: ${(error as Error).message}`);
      continue;
    }
    const measure = async (
      path: "adapter" | "raw",
      round: number,
    ): Promise<PublishMeasurement | undefined> => {
      const name = `bl-yard-${options.runId}-${target}-${path}${round}`;
      let publisher: (Publisher & { close(): Promise<void> }) | undefined;
      try {
        if (path === "adapter") {
          const client = createClient(target, settings);
          publisher = client;
          await withTimeout(client.connect(), 15_000, `connecting ${target} to ${client.address}`);
          await client.createTopic(name, capabilities.partitions ? { partitions } : {});
          const close = client.close.bind(client);
          publisher = {
            publish: client.publish.bind(client),
            close: async () => {
              await client.deleteTopic(name).catch(() => {});
              await close();
            },
          };
        } else {
          publisher = await createRawPublisher({ target, settings, name, partitions });
        }
        const measured = await measurePublishRate({
          publisher,
          topic: name,
          payloads,
          keyDistributor: workload.keyDistributor,
          batchSize: workload.publishBatchSize,
          maxInflight: workload.maxInflightPublishes,
          durability,
          warmupSeconds: 2,
          seconds,
          onSecond: (second, publishRate) =>
            options.onProgress?.({
              target,
              phase: "test",
              second,
              of: seconds,
              offeredRate: 0,
              publishRate,
              consumeRate: 0,
              backlog: 0,
            }),
        });
        options.log(`[${target}] ${path} round ${round + 1}: ${measured.publishRate.msgPerSec} msg/s`);
        if (measured.errors.length) notes.push(`${path}: ${measured.errors.join("; ")}`);
        return measured;
      } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
        notes.push(`${path} failed: ${message}`);
        options.log(`[${target}] ${path} failed: ${message}`);
        return undefined;
      } finally {
        await publisher?.close().catch(() => {});
      }
    };

    // A shared machine drifts: each round measures adapter and raw back to back (order alternating, so
    // neither always gets the warmer broker) and the ratio is the median of the rounds' ratios.
    const adapter: number[] = [];
    const raw: number[] = [];
    const pairRatios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (["adapter", "raw"] as const) : (["raw", "adapter"] as const);
      const rates: Partial<Record<"adapter" | "raw", number>> = {};
      for (const path of order) {
        const measured = await measure(path, round);
        if (measured) rates[path] = measured.publishRate.msgPerSec;
      }
      if (rates.adapter !== undefined) adapter.push(rates.adapter);
      if (rates.raw !== undefined) raw.push(rates.raw);
      if (rates.adapter !== undefined && rates.raw) pairRatios.push(rates.adapter / rates.raw);
    }
    options.log(`[${target}] native tool…`);
    const native = await runNativeTool({
      target,
      settings,
      name: `bl-yard-${options.runId}-${target}-native`,
      messageSize: payloads.size,
      partitions,
      durability,
      batchSize: workload.publishBatchSize,
      maxInflight: workload.maxInflightPublishes,
      seconds,
      log: options.log,
    });
    const adapterMsgPerSec = Math.round(median(adapter));
    const rawClientMsgPerSec = Math.round(median(raw));
    notes.push(
      `${rounds} rounds of adapter/raw pairs (order alternating) of ${seconds} s each, durability ${durability}, batch ${workload.publishBatchSize}, ` +
        `${workload.maxInflightPublishes} in flight: adapter ${adapter.join(" / ")}, raw ${raw.join(" / ")} msg/s`,
      ...native.notes,
    );
    const entry: YardstickEntry = {
      target,
      adapterMsgPerSec,
      rawClientMsgPerSec,
      nativeTool: native.tool,
      nativeMsgPerSec: native.msgPerSec,
      adapterVsRaw: pairRatios.length > 0 ? Math.round(median(pairRatios) * 1000) / 1000 : null,
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
