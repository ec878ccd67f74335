import { LagTimeline, type StatusName } from "@brokerlab/monitor-app";
import { lineChart } from "@brokerlab/report";
import { sleep, waitUntil } from "@brokerlab/testing/harness";
import type { Consumer, ScenarioContext } from "../context.js";
import { consumeTimeoutMs } from "../harness/consume-timeout.js";
import { scenarioRecords } from "../harness/records.js";
import { seconds } from "../harness/values.js";
import type { SeriesPoints } from "../results.js";
import type { Outcome, Scenario } from "../scenario.js";

const SAMPLE_MS = 200;
/** Commits kept per group by the evaluator: Burrow's default is 10, five fits a seconds-long scenario. */
const WINDOW = 5;
/** How long the stopped consumer is watched for STOP. */
const STOP_WAIT_MS = 8_000;

export const lag: Scenario = {
  name: "lag",
  texts: (m) => m.lag,
  params: (settings) => ({
    messages: settings.messages,
    consumeMs: settings.lagMs,
    sampleMs: SAMPLE_MS,
    window: WINDOW,
  }),
  async run(context): Promise<Outcome> {
    const n = context.messages;
    const topic = await context.topic("lag", { partitions: context.partitions(3) });
    const group = context.uniqueName("g");
    // Per-record work sized so the consumer needs about `lagMs` for all records: slower than the producer.
    // Prefetch 1: adapters differ in how many handlers run at once under a larger prefetch (Kafka runs them
    // concurrently), and one at a time makes every target's consumer equally slow.
    const workMs = Math.max(1, Math.round(context.settings.lagMs / n));
    const consumer = await context.consume(
      topic,
      { group, from: context.fromStart(), prefetch: 1 },
      async () => {
        await sleep(workMs);
        return "ack" as const;
      },
    );
    const samples = lagSamples(context, topic, group);
    const lagRun: LagRun = { context, topic, samples, consumer };
    const sampler = sampleUntilCaughtUp(lagRun);
    await produceFasterThanConsumed(lagRun);
    const producedAt = Date.now();
    samples.producing = false;
    context.progress(context.m.lag.produced(n, consumer.inbox.distinct()));
    const caughtUp = await sampler;
    const finalLag = samples.total.at(-1)?.[1] ?? null;
    const caughtUpSeconds = caughtUp ? (samples.total.at(-1)?.[0] ?? null) : null;
    await consumer.subscription.close();
    const stoppedStatus = await produceWithoutConsumer(lagRun);
    const { total, lagSeconds, changes } = samples;
    context.series.lag = total;
    context.series.lagSeconds = lagSeconds;
    Object.assign(context.series, samples.perPartition);
    context.metrics.produced = n;
    context.metrics.consumed = consumer.inbox.distinct();
    context.metrics.maxLag = Math.max(0, ...total.map(([, value]) => value));
    context.metrics.finalLag = finalLag;
    context.metrics.caughtUpSeconds = caughtUpSeconds;
    context.metrics.produceSeconds = seconds(producedAt - samples.started);
    context.metrics.samples = total.length;
    context.metrics.statusTimeline = changes.map(([at, status]) => `${at}s ${status}`).join(" → ");
    context.metrics.sawWarn = changes.some(([, status]) => status === "WARN");
    context.metrics.samplesWhileProducing = samples.samplesWhileProducing;
    context.metrics.stoppedStatus = stoppedStatus;
    context.metrics.maxLagSeconds = Math.max(0, ...lagSeconds.map(([, value]) => value));
    const maxLag = context.metrics.maxLag;
    const timelineText = context.metrics.statusTimeline;
    return {
      summary: `${
        caughtUp
          ? context.m.lag.caughtUp(maxLag, Number(context.metrics.caughtUpSeconds))
          : context.m.lag.behind(maxLag, Number(context.metrics.finalLag))
      }; ${context.m.lag.timeline(timelineText)}`,
    };
  },
  charts: (results, m) => [
    lineChart({
      title: m.lag.chartTitle,
      xLabel: m.lag.chartX,
      yLabel: m.lag.chartY,
      texts: m.report.chartTexts,
      series: results
        .filter((result) => result.series?.lag)
        .map((result) => ({ name: result.target, points: result.series?.lag ?? [] })),
    }),
  ],
};

/** The group's lag as sampled and the evaluator's status; the producer sets `produced` and `producing`. */
interface LagSamples {
  readonly started: number;
  readonly total: SeriesPoints;
  readonly lagSeconds: SeriesPoints;
  readonly perPartition: Record<string, SeriesPoints>;
  /** Each change of the evaluator's status: [second, status]. */
  readonly changes: [number, StatusName][];
  produced: number;
  producing: boolean;
  samplesWhileProducing: number;
  /** Reads the lag once and records it. */
  sample(): Promise<{ readonly lag: number; readonly status: StatusName }>;
}

/** One target's run of the scenario: its topic, the slow consumer and the samples taken. */
interface LagRun {
  readonly context: ScenarioContext;
  readonly topic: string;
  readonly samples: LagSamples;
  readonly consumer: Consumer;
}

function lagSamples(context: ScenarioContext, topic: string, group: string): LagSamples {
  const timeline = new LagTimeline(WINDOW);
  const samples: LagSamples = {
    started: Date.now(),
    total: [],
    lagSeconds: [],
    perPartition: {},
    changes: [],
    produced: 0,
    producing: true,
    samplesWhileProducing: 0,
    async sample() {
      const lagNow = await context.client.lag(topic, group);
      const now = Date.now();
      const at = seconds(now - samples.started);
      samples.total.push([at, lagNow.total]);
      const reading = timeline.add({ at: now, produced: samples.produced, lag: lagNow.total });
      if (samples.producing) samples.samplesWhileProducing += 1;
      if (reading.lagSeconds !== undefined) samples.lagSeconds.push([at, reading.lagSeconds]);
      if (samples.changes.at(-1)?.[1] !== reading.status) samples.changes.push([at, reading.status]);
      for (const partition of lagNow.partitions) {
        const key = `partition${partition.partition}`;
        samples.perPartition[key] ??= [];
        samples.perPartition[key].push([at, partition.lag]);
      }
      return { lag: lagNow.total, status: reading.status };
    },
  };
  return samples;
}

/** Samples every SAMPLE_MS until production ended and the consumer caught up (true) or time ran out. */
async function sampleUntilCaughtUp({ context, samples, consumer }: LagRun): Promise<boolean> {
  const n = context.messages;
  const deadline = samples.started + consumeTimeoutMs(n) + context.settings.lagMs;
  while (Date.now() < deadline) {
    const current = await samples.sample();
    if (!samples.producing && current.lag === 0 && consumer.inbox.distinct() >= n) return true;
    await sleep(SAMPLE_MS);
  }
  return false;
}

/** Publishes the scenario's records in twenty batches over half of `lagMs`. */
async function produceFasterThanConsumed({ context, topic, samples, consumer }: LagRun): Promise<void> {
  const n = context.messages;
  const batch = Math.max(1, Math.ceil(n / 20));
  // Twenty batches over half of `lagMs`: twice as fast as the consumer and steady, so it falls behind for
  // several samples and the evaluator sees the lag grow at every move (WARN).
  const pauseMs = Math.max(10, context.settings.lagMs / 40);
  for (let from = 0; from < n; from += batch) {
    const count = Math.min(batch, n - from);
    await context.client.publish(topic, scenarioRecords(count, { from }));
    samples.produced += count;
    // The consumer must be taking records while the producer goes on (a Kafka group joins in seconds).
    if (from === 0)
      await waitUntil(() => consumer.inbox.distinct() > 0, "the first delivery", consumeTimeoutMs(n));
    await sleep(pauseMs);
  }
}

/**
 * With the consumer gone the producer writes a few more: the evaluator says STOP once the silence outlasts
 * the window's span. Returns the last status seen within STOP_WAIT_MS.
 */
async function produceWithoutConsumer({ context, topic, samples }: LagRun): Promise<StatusName> {
  const n = context.messages;
  const extra = Math.max(1, Math.ceil(n / 20));
  await context.client.publish(topic, scenarioRecords(extra, { from: n }));
  samples.produced += extra;
  context.progress(context.m.lag.stopping(extra));
  const stopDeadline = Date.now() + STOP_WAIT_MS;
  let stoppedStatus: StatusName = "OK";
  while (Date.now() < stopDeadline && stoppedStatus !== "STOP") {
    stoppedStatus = (await samples.sample()).status;
    await sleep(SAMPLE_MS);
  }
  return stoppedStatus;
}
