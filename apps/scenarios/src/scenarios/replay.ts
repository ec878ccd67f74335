import { type Delivery, StartAt } from "@brokerlab/messaging";
import { barChart } from "@brokerlab/report";
import { numberOf, sleep, untilQuiet } from "@brokerlab/testing/harness";
import type { ScenarioContext } from "../context.js";
import { consumeTimeoutMs } from "../harness/consume-timeout.js";
import { publishAll } from "../harness/publish.js";
import { scenarioRecords } from "../harness/records.js";
import { numeric, showPosition } from "../harness/values.js";
import type { Outcome, Scenario } from "../scenario.js";

/** Streams stamp whole chunks with second precision, so the halves are published over a second apart. */
const TIMESTAMP_GAP_MS = 1_100;

/** Reads from `from` until deliveries stop, having waited for at least `expected` distinct records. */
async function readFrom(
  context: ScenarioContext,
  topic: string,
  from: ReturnType<typeof StartAt.position>,
  expected: number,
): Promise<Delivery[]> {
  const reader = await context.consume(topic, { group: context.uniqueName("replay"), from });
  await reader.inbox
    .waitForDistinct(expected, consumeTimeoutMs(expected), "replaying")
    .catch(() => undefined);
  await untilQuiet(() => reader.inbox.count, 1_000, 10_000);
  await reader.subscription.close();
  return reader.inbox.deliveries;
}

export const replay: Scenario = {
  name: "replay",
  texts: (m) => m.replay,
  params: (settings) => ({ messages: settings.messages, replayFrom: Math.floor(settings.messages / 2) }),
  async run(context): Promise<Outcome> {
    const n = context.messages;
    const half = Math.floor(n / 2);
    const topic = await context.topic("replay", { partitions: 1 });
    await publishAll(context, topic, scenarioRecords(half));
    await sleep(TIMESTAMP_GAP_MS / 2);
    const cut = Date.now();
    await sleep(TIMESTAMP_GAP_MS / 2);
    await publishAll(context, topic, scenarioRecords(n - half, { from: half }));
    context.metrics.produced = n;
    context.metrics.replayFrom = half;

    const group = await context.consume(topic, { group: context.uniqueName("g"), from: context.fromStart() });
    await group.inbox.waitForDistinct(n, consumeTimeoutMs(n), "the group consuming everything");
    await group.subscription.close();
    context.progress(context.m.replay.groupConsumed(group.inbox.distinct(), n, half));
    const start = group.inbox.deliveries.find((delivery) => numberOf(delivery) === half)?.position;
    if (!start) throw new Error(`record ${half} was not delivered`);

    // Asked even where undeclared: the adapter's refusal (UnsupportedCapabilityError) is the result.
    const replayed = await readFrom(context, topic, StartAt.position(start), n - half);
    context.metrics.replayed = replayed.length;
    const first = replayed[0];
    context.metrics.firstReplayed = first ? showPosition(context, first.position) : null;
    context.metrics.firstReplayedRecord = first ? numberOf(first) : null;

    const byTime = await context.attempt(context.m.replay.byTimestamp, () =>
      readFrom(context, topic, StartAt.timestamp(cut), n - half),
    );
    context.metrics.replayedFromTimestamp = byTime ? byTime.length : null;
    context.metrics.firstReplayedFromTimestamp = byTime?.[0] ? numberOf(byTime[0]) : null;
    return {
      summary: context.m.replay.summary(replayed.length, showPosition(context, start), byTime?.length),
    };
  },
  charts: (results, m) => [
    barChart({
      title: m.replay.chartTitle,
      yLabel: m.replay.chartY,
      texts: m.report.chartTexts,
      categories: results.map((result) => result.target),
      series: [
        { name: m.replay.fromPosition, values: results.map((r) => numeric(r.metrics.replayed)) },
        {
          name: m.replay.fromTimestamp,
          values: results.map((r) => numeric(r.metrics.replayedFromTimestamp)),
        },
      ],
    }),
  ],
};
