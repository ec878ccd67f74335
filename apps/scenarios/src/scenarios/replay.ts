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
  title: "Replay: a new reader goes back to an earlier position",
  explanation:
    "On a log every record has an offset, and a new reader (or a group that resets its offset) can start at any retained offset or timestamp and read forward again; a queue has no offsets to go back to, because acknowledged records are gone.",
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
    context.progress(`group consumed ${group.inbox.distinct()}/${n}; replaying from record ${half}`);
    const start = group.inbox.deliveries.find((delivery) => numberOf(delivery) === half)?.position;
    if (!start) throw new Error(`record ${half} was not delivered`);

    // Asked even where undeclared: the adapter's refusal (UnsupportedCapabilityError) is the result.
    const replayed = await readFrom(context, topic, StartAt.position(start), n - half);
    context.metrics.replayed = replayed.length;
    const first = replayed[0];
    context.metrics.firstReplayed = first ? showPosition(context, first.position) : null;
    context.metrics.firstReplayedRecord = first ? numberOf(first) : null;

    const byTime = await context.attempt("replay by timestamp", () =>
      readFrom(context, topic, StartAt.timestamp(cut), n - half),
    );
    context.metrics.replayedFromTimestamp = byTime ? byTime.length : null;
    context.metrics.firstReplayedFromTimestamp = byTime?.[0] ? numberOf(byTime[0]) : null;
    const timeText = byTime ? `, ${byTime.length} from a timestamp` : ", no replay by timestamp";
    return {
      summary: `replayed ${replayed.length} records from position ${showPosition(context, start)}${timeText}`,
    };
  },
  charts: (results) => [
    barChart({
      title: "Records a new reader received when starting mid-way",
      yLabel: "records",
      categories: results.map((result) => result.target),
      series: [
        { name: "from position", values: results.map((r) => numeric(r.metrics.replayed)) },
        { name: "from timestamp", values: results.map((r) => numeric(r.metrics.replayedFromTimestamp)) },
      ],
    }),
  ],
};
