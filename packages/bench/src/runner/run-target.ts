import { availableParallelism } from "node:os";
import {
  type DurabilityLevel,
  type MessagingClient,
  type Subscription,
  type TargetId,
  TimeoutError,
  UnsupportedCapabilityError,
  withTimeout,
} from "@brokerlab/messaging";
import { createKeyDistributor } from "../keys/key-distributor.js";
import { nowMs } from "../metrics/clock.js";
import type { SecondSample, TargetBenchResult } from "../results.js";
import { durabilityFor } from "../workload/durability.js";
import { createPayloads } from "../workload/payloads.js";
import type { Workload } from "../workload/workload.js";
import { BenchStats } from "./bench-stats.js";
import { MaxRateSearch } from "./max-rate-search.js";
import { PROBE_HEADER, ProducerLoop, SENT_AT_HEADER } from "./producer-loop.js";

export type BenchPhase = "ready" | "search" | "warmup" | "backlog" | "drain" | "test";

export interface BenchProgress {
  readonly target: TargetId;
  readonly phase: BenchPhase;
  readonly second: number;
  /** Planned seconds of the phase (0 when open-ended). */
  readonly of: number;
  readonly offeredRate: number;
  readonly publishRate: number;
  readonly consumeRate: number;
  readonly backlog: number;
}

export interface RunTargetOptions {
  readonly target: TargetId;
  readonly workload: Workload;
  /** The payload file's bytes, when the workload names one. */
  readonly payload?: Uint8Array;
  /** A new, unconnected client for the target; called once per producer, per consumer and for admin. */
  readonly createClient: () => MessagingClient;
  /** Makes topic and group names unique to this run. */
  readonly runId: string;
  /** Bounded wait for consumers to receive the ready probe. Default 30 s. */
  readonly readyTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly onProgress?: (progress: BenchProgress) => void;
}

/** 1 GB as OMB counts it. */
const GB = 1024 ** 3;
const MB = 1024 ** 2;

/**
 * Runs a workload against one target: create topics, start consumers and check they receive a probe, optionally
 * search the highest sustainable rate, warm up, optionally build and drain a backlog, then the timed run.
 * Never throws: a failure comes back as `ok: false` with the error, and everything it created is removed.
 */
export async function runTarget(options: RunTargetOptions): Promise<TargetBenchResult> {
  const { target, workload, runId } = options;
  const stats = new BenchStats();
  const clients: MessagingClient[] = [];
  const subscriptions: Subscription[] = [];
  const producers: ProducerLoop[] = [];
  const createdTopics: string[] = [];
  const notes: string[] = [];
  const result: { -readonly [K in keyof TargetBenchResult]?: TargetBenchResult[K] } = {};
  let admin: MessagingClient | undefined;
  let offeredRate = workload.producerRate;

  const open = async (): Promise<MessagingClient> => {
    const client = options.createClient();
    clients.push(client);
    const ms = options.connectTimeoutMs ?? 15_000;
    await withTimeout(client.connect(), ms, `connecting ${target} to ${client.address}`);
    return client;
  };
  const subscriptionsPerTopic = workload.subscriptionsPerTopic;
  const backlog = () => Math.max(0, stats.published * subscriptionsPerTopic - stats.consumed);
  const progress = (
    phase: BenchPhase,
    second: number,
    of: number,
    publishRate: number,
    consumeRate: number,
  ) =>
    options.onProgress?.({
      target,
      phase,
      second,
      of,
      offeredRate,
      publishRate,
      consumeRate,
      backlog: backlog(),
    });

  /** Samples rates once a second for `seconds` (or until `done()`), reporting progress. */
  const sample = async (
    phase: BenchPhase,
    seconds: number,
    done?: () => boolean,
  ): Promise<SecondSample[]> => {
    const samples: SecondSample[] = [];
    const start = nowMs();
    let last = { published: stats.published, consumed: stats.consumed, at: start };
    for (let second = 1; second <= seconds; second++) {
      await sleep(start + second * 1000 - nowMs());
      const at = nowMs();
      const elapsed = (at - last.at) / 1000;
      const publishRate = Math.round((stats.published - last.published) / elapsed);
      const consumeRate = Math.round((stats.consumed - last.consumed) / elapsed);
      samples.push({ second, publishRate, consumeRate, backlog: backlog() });
      progress(phase, second, done ? 0 : seconds, publishRate, consumeRate);
      last = { published: stats.published, consumed: stats.consumed, at };
      if (done?.()) break;
    }
    return samples;
  };

  try {
    admin = await open();
    result.address = admin.address;
    result.brokerVersion = await admin.brokerVersion().catch(() => "unknown");
    const capabilities = admin.capabilities;
    const durability = durabilityFor(workload.durability, target, capabilities.durability);
    result.durability = durability;
    if (subscriptionsPerTopic > 1 && !capabilities.consumerGroups) {
      throw new UnsupportedCapabilityError(
        target,
        `subscriptionsPerTopic ${subscriptionsPerTopic}`,
        "each record goes to one consumer of the queue; independent subscriptions need consumer groups",
      );
    }
    const partitions = capabilities.partitions ? workload.partitionsPerTopic : 1;
    result.partitions = partitions;
    if (partitions < workload.partitionsPerTopic) {
      notes.push(`partitionsPerTopic ${workload.partitionsPerTopic} → 1: ${target} has no partitions`);
    }

    const topics = Array.from({ length: workload.topics }, (_, i) => `bl-bench-${runId}-${target}-${i}`);
    for (const topic of topics) {
      await admin.createTopic(topic, capabilities.partitions ? { partitions } : {});
      createdTopics.push(topic);
    }

    // Consumers: one client each, subscribed per topic and subscription group.
    const probesSeen = new Set<string>();
    let recordEndToEnd = true;
    const consumers: { topic: string; group: string; client: MessagingClient }[] = [];
    for (const topic of topics) {
      for (let s = 0; s < subscriptionsPerTopic; s++) {
        for (let c = 0; c < workload.consumerPerSubscription; c++) {
          consumers.push({ topic, group: `bl-bench-${runId}-sub${s}`, client: await open() });
        }
      }
    }
    const subscribeAll = async () => {
      for (const { topic, group, client } of consumers) {
        const subscription = await client.subscribe(
          topic,
          { group, prefetch: workload.consumerPrefetch },
          (delivery) => {
            if (delivery.headers[PROBE_HEADER] !== undefined) {
              probesSeen.add(`${topic}|${group}`);
              return delivery.ack();
            }
            const sentAt = Number(delivery.headers[SENT_AT_HEADER]);
            if (recordEndToEnd && Number.isFinite(sentAt)) stats.endToEnd.recordMillis(nowMs() - sentAt);
            stats.consumed++;
            stats.consumedBytes += delivery.value.length;
            // Acknowledge without holding up the next delivery, as OMB's consumers do (async ack): the adapters
            // still bound unacknowledged deliveries by the prefetch.
            delivery.ack().catch((error: unknown) => {
              stats.consumeErrors++;
              stats.noteError(error);
            });
          },
        );
        subscriptions.push(subscription);
      }
    };
    const closeSubscriptions = async () => {
      await Promise.allSettled(subscriptions.splice(0).map((subscription) => subscription.close()));
    };

    // Producers: one client each; the workload's rate is the total over all of them.
    const producerCount = topics.length * workload.producersPerTopic;
    const payloads = createPayloads({
      ...workload,
      ...(options.payload ? { fileBytes: options.payload } : {}),
    });
    result.messageBytes = payloads.size;
    const search = workload.producerRate === 0 ? new MaxRateSearch() : undefined;
    offeredRate = search ? (search.next() ?? 1000) : workload.producerRate;
    for (const topic of topics) {
      for (let p = 0; p < workload.producersPerTopic; p++) {
        producers.push(
          new ProducerLoop({
            publisher: await open(),
            topic,
            rate: offeredRate / producerCount,
            keys: createKeyDistributor(workload.keyDistributor),
            payloads,
            batchSize: workload.publishBatchSize,
            maxInflight: workload.maxInflightPublishes,
            durability,
            stats,
          }),
        );
      }
    }
    const setRate = (rate: number) => {
      offeredRate = rate;
      for (const producer of producers) producer.setRate(rate / producerCount);
    };
    const startProducers = () => {
      for (const producer of producers) producer.start();
    };
    const stopProducers = () => Promise.all(producers.map((producer) => producer.stop()));
    const waitForBacklog = async (phase: BenchPhase, below: number, maxSeconds: number) =>
      sample(phase, maxSeconds, () => backlog() <= below);

    await subscribeAll();
    await readyCheck(
      admin,
      durability,
      topics,
      consumers,
      probesSeen,
      options.readyTimeoutMs ?? 30_000,
      (second, of) => progress("ready", second, of, 0, 0),
    );

    if (search) {
      for (let rate = search.next(); rate !== undefined; rate = search.next()) {
        setRate(rate);
        const before = {
          published: stats.published,
          consumed: stats.consumed,
          backlog: backlog(),
          at: nowMs(),
        };
        startProducers();
        await sample("search", search.stepSeconds);
        const elapsed = (nowMs() - before.at) / 1000;
        await stopProducers();
        const step = search.record({
          rate,
          publishRate: Math.round((stats.published - before.published) / elapsed),
          consumeRate: Math.round((stats.consumed - before.consumed) / elapsed / subscriptionsPerTopic),
          backlogAfter: Math.max(0, backlog() - before.backlog) / subscriptionsPerTopic,
        });
        if (!step.sustained) await waitForBacklog("search", 0, 10);
      }
      result.rateSearch = search.steps;
      setRate(search.result());
    }

    startProducers();
    if (workload.warmupDurationSeconds > 0) await sample("warmup", Math.ceil(workload.warmupDurationSeconds));

    if (workload.consumerBacklogSizeGB > 0) {
      await closeSubscriptions();
      const targetBytes = workload.consumerBacklogSizeGB * GB;
      const startBytes = stats.publishedBytes;
      const startPublished = stats.published;
      const buildStart = nowMs();
      let stalled = 0;
      let lastPublished = stats.published;
      // Open-ended: until the backlog is built, or publishing has stalled for 30 s.
      await sample("backlog", Number.MAX_SAFE_INTEGER, () => {
        stalled = stats.published === lastPublished ? stalled + 1 : 0;
        lastPublished = stats.published;
        return stats.publishedBytes - startBytes >= targetBytes || stalled >= 30;
      });
      if (stalled >= 30) {
        throw new TimeoutError(
          `building a ${workload.consumerBacklogSizeGB} GB backlog (no publishes for 30 s)`,
          30_000,
        );
      }
      const buildSeconds = (nowMs() - buildStart) / 1000;
      const drainStart = nowMs();
      const consumedBefore = stats.consumed;
      await subscribeAll();
      const floor = Math.max(1000, offeredRate * subscriptionsPerTopic);
      const drained = await waitForBacklog("drain", floor, Math.max(60, Math.ceil(buildSeconds * 10)));
      const drainSeconds = (nowMs() - drainStart) / 1000;
      const isDrained = backlog() <= floor;
      result.backlog = {
        targetBytes,
        builtMessages: stats.published - startPublished,
        buildSeconds: round(buildSeconds),
        ...(isDrained ? { drainSeconds: round(drainSeconds) } : {}),
        drainConsumeRate: Math.round((stats.consumed - consumedBefore) / drainSeconds),
      };
      if (!isDrained) notes.push(`backlog not drained after ${drained.length} s`);
    }

    // The timed run: fresh histograms, counters and CPU from here.
    stats.resetHistograms();
    const start = {
      published: stats.published,
      publishedBytes: stats.publishedBytes,
      consumed: stats.consumed,
    };
    const consumedBytesAtStart = stats.consumedBytes;
    const cpuBefore = process.cpuUsage();
    const startedAt = nowMs();
    const timeSeries = await sample("test", Math.ceil(workload.testDurationSeconds));
    const elapsed = (nowMs() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    recordEndToEnd = false;
    const publishedCount = stats.published - start.published;
    const consumedCount = stats.consumed - start.consumed;
    Object.assign(result, {
      producerRate: Math.round(offeredRate),
      durationSeconds: round(elapsed),
      publishRate: throughput(publishedCount, stats.publishedBytes - start.publishedBytes, elapsed),
      consumeRate: throughput(consumedCount, stats.consumedBytes - consumedBytesAtStart, elapsed),
      publishLatencyMs: stats.publishLatency.percentiles(1000),
      endToEndLatencyMs: stats.endToEnd.percentiles(1000),
      publishDelayUs: stats.publishDelay.percentiles(1),
      curves: {
        publishLatencyMs: stats.publishLatency.curve(1000),
        endToEndLatencyMs: stats.endToEnd.curve(1000),
      },
      timeSeries,
      clientCpu: {
        userMs: Math.round(cpu.user / 1000),
        systemMs: Math.round(cpu.system / 1000),
        percentOfOneCore: Math.round(((cpu.user + cpu.system) / 1000 / (elapsed * 1000)) * 1000) / 10,
        cores: availableParallelism(),
      },
    } satisfies Partial<TargetBenchResult>);

    await stopProducers();
    await waitForBacklog("drain", 0, 10);
    return finish(true);
  } catch (error) {
    stats.noteError(error);
    return finish(false, error instanceof Error ? error.message : String(error));
  } finally {
    await Promise.allSettled(producers.map((producer) => producer.stop(2000)));
    await Promise.allSettled(subscriptions.map((subscription) => subscription.close()));
    for (const topic of createdTopics) {
      await admin
        ?.deleteTopic(topic)
        .catch((error: unknown) => notes.push(`could not delete ${topic}: ${String(error)}`));
    }
    await Promise.allSettled(
      clients.map((client) => withTimeout(client.close(), 10_000, `closing ${target}`)),
    );
  }

  function finish(ok: boolean, error?: string): TargetBenchResult {
    return {
      ...result,
      target,
      ok,
      ...(error === undefined ? {} : { error }),
      counts: {
        published: stats.published,
        consumed: stats.consumed,
        publishErrors: stats.publishErrors,
        consumeErrors: stats.consumeErrors,
      },
      errors: stats.errors(),
      notes,
    };
  }
}

/**
 * Publishes a probe record to every topic (again every 2 s, in case a consumer joined late) until every
 * subscription group has received one, or the bounded wait is over.
 */
async function readyCheck(
  admin: MessagingClient,
  durability: DurabilityLevel,
  topics: readonly string[],
  consumers: readonly { topic: string; group: string }[],
  seen: Set<string>,
  timeoutMs: number,
  onSecond: (second: number, of: number) => void,
): Promise<void> {
  const expected = new Set(consumers.map(({ topic, group }) => `${topic}|${group}`));
  const deadline = nowMs() + timeoutMs;
  let nextProbe = 0;
  let second = 0;
  while ([...expected].some((key) => !seen.has(key))) {
    const now = nowMs();
    if (now > deadline) {
      const missing = [...expected].filter((key) => !seen.has(key)).join(", ");
      throw new TimeoutError(`consumers becoming ready (no probe received by ${missing})`, timeoutMs);
    }
    if (now >= nextProbe) {
      for (const topic of topics) {
        await admin.publish(
          topic,
          [{ key: null, value: new Uint8Array([0]), headers: { [PROBE_HEADER]: "1" } }],
          {
            durability,
          },
        );
      }
      nextProbe = now + 2000;
      onSecond(++second, Math.round(timeoutMs / 1000));
    }
    await sleep(50);
  }
}

function throughput(messages: number, bytes: number, seconds: number) {
  return { msgPerSec: Math.round(messages / seconds), mbPerSec: round(bytes / MB / seconds) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
