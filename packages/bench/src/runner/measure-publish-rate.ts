import type { DurabilityLevel, Publisher } from "@brokerlab/messaging";
import { createKeyDistributor } from "../keys/key-distributor.js";
import { nowMs, sleep } from "../metrics/clock.js";
import type { Percentiles } from "../metrics/latency-histogram.js";
import type { Throughput } from "../results.js";
import type { PayloadSource } from "../workload/payloads.js";
import type { KeyDistributorType } from "../workload/workload.js";
import { BenchStats } from "./bench-stats.js";
import { ProducerLoop } from "./producer-loop.js";

export interface MeasurePublishOptions {
  /** Anything with the contract's `publish`: an adapter, or a thin shim over a raw client. */
  readonly publisher: Publisher;
  readonly topic: string;
  readonly payloads: PayloadSource;
  readonly keyDistributor: KeyDistributorType;
  readonly batchSize: number;
  readonly maxInflight: number;
  readonly durability: DurabilityLevel;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly onSecond?: (second: number, publishRate: number) => void;
}

export interface PublishMeasurement {
  readonly publishRate: Throughput;
  readonly published: number;
  readonly publishLatencyMs: Percentiles;
  readonly errors: readonly string[];
}

/**
 * Publishes as fast as one producer loop goes (same batching and in-flight window as a workload run) and reports
 * the acknowledged rate after a warm-up. The yardstick runs it over an adapter and over a raw client, so the two
 * differ only in what `publish` does.
 */
export async function measurePublishRate(options: MeasurePublishOptions): Promise<PublishMeasurement> {
  const stats = new BenchStats();
  const loop = new ProducerLoop({
    publisher: options.publisher,
    topic: options.topic,
    rate: 0,
    keys: createKeyDistributor(options.keyDistributor),
    payloads: options.payloads,
    batchSize: options.batchSize,
    maxInflight: options.maxInflight,
    durability: options.durability,
    stats,
  });
  loop.start();
  try {
    await sleep(options.warmupSeconds * 1000);
    stats.resetHistograms();
    const start = { published: stats.published, bytes: stats.publishedBytes, at: nowMs() };
    let last = { published: start.published, at: start.at };
    for (let second = 1; second <= options.seconds; second++) {
      await sleep(start.at + second * 1000 - nowMs());
      const at = nowMs();
      options.onSecond?.(second, Math.round(((stats.published - last.published) * 1000) / (at - last.at)));
      last = { published: stats.published, at };
    }
    const elapsed = (nowMs() - start.at) / 1000;
    const published = stats.published - start.published;
    return {
      publishRate: {
        msgPerSec: Math.round(published / elapsed),
        mbPerSec: Math.round(((stats.publishedBytes - start.bytes) / 1024 ** 2 / elapsed) * 1000) / 1000,
      },
      published,
      publishLatencyMs: stats.publishLatency.percentiles(1000),
      errors: stats.errors(),
    };
  } finally {
    await loop.stop();
  }
}
