import { lineChart } from "@brokerlab/report";
import { sleep } from "@brokerlab/testing/harness";
import { consumeTimeoutMs } from "../harness/consume-timeout.js";
import { scenarioRecords } from "../harness/records.js";
import { seconds } from "../harness/values.js";
import type { SeriesPoints } from "../results.js";
import type { Outcome, Scenario } from "../scenario.js";

const SAMPLE_MS = 200;

export const lag: Scenario = {
  name: "lag",
  texts: (m) => m.lag,
  params: (settings) => ({ messages: settings.messages, consumeMs: settings.lagMs, sampleMs: SAMPLE_MS }),
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
    const started = Date.now();
    const total: SeriesPoints = [];
    const perPartition: Record<string, SeriesPoints> = {};
    let producing = true;
    const sample = async () => {
      const lagNow = await context.client.lag(topic, group);
      const at = seconds(Date.now() - started);
      total.push([at, lagNow.total]);
      for (const partition of lagNow.partitions) {
        const key = `partition${partition.partition}`;
        perPartition[key] ??= [];
        perPartition[key].push([at, partition.lag]);
      }
      return lagNow.total;
    };
    const sampler = (async () => {
      const deadline = started + consumeTimeoutMs(n) + context.settings.lagMs;
      while (Date.now() < deadline) {
        const current = await sample();
        if (!producing && current === 0 && consumer.inbox.distinct() >= n) return true;
        await sleep(SAMPLE_MS);
      }
      return false;
    })();
    const batch = Math.max(1, Math.ceil(n / 10));
    for (let from = 0; from < n; from += batch) {
      await context.client.publish(topic, scenarioRecords(Math.min(batch, n - from), { from }));
      await sleep(50);
    }
    const producedAt = Date.now();
    producing = false;
    context.progress(context.m.lag.produced(n, consumer.inbox.distinct()));
    const caughtUp = await sampler;
    await consumer.subscription.close();
    context.series.lag = total;
    Object.assign(context.series, perPartition);
    context.metrics.produced = n;
    context.metrics.consumed = consumer.inbox.distinct();
    context.metrics.maxLag = Math.max(0, ...total.map(([, value]) => value));
    context.metrics.finalLag = total.at(-1)?.[1] ?? null;
    context.metrics.caughtUpSeconds = caughtUp ? (total.at(-1)?.[0] ?? null) : null;
    context.metrics.produceSeconds = seconds(producedAt - started);
    context.metrics.samples = total.length;
    const maxLag = context.metrics.maxLag;
    return {
      summary: caughtUp
        ? context.m.lag.caughtUp(maxLag, Number(context.metrics.caughtUpSeconds))
        : context.m.lag.behind(maxLag, Number(context.metrics.finalLag)),
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
