import { barChart } from "@brokerlab/report";
import { sleep, untilQuiet } from "@brokerlab/testing/harness";
import type { ScenarioContext } from "../context.js";
import { publishAll } from "../harness/publish.js";
import { scenarioRecords } from "../harness/records.js";
import { numeric } from "../harness/values.js";
import type { Outcome, Scenario } from "../scenario.js";

/** Publishes once both consumers are live, then waits until both have everything or deliveries stop. */
async function twoConsumers(context: ScenarioContext, label: string, groups: [string, string]) {
  const n = context.messages;
  const topic = await context.topic(label, { partitions: context.partitions(4) });
  // A small prefetch and a little work per record let a second consumer in the same group take its share.
  const work = async () => {
    await sleep(1);
    return "ack" as const;
  };
  const one = await context.consume(
    topic,
    { group: groups[0], from: context.fromStart(), prefetch: 5 },
    work,
  );
  const two = await context.consume(
    topic,
    { group: groups[1], from: context.fromStart(), prefetch: 5 },
    work,
  );
  await publishAll(context, topic, scenarioRecords(n));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !(one.inbox.distinct() >= n && two.inbox.distinct() >= n)) {
    if (one.inbox.distinct() + two.inbox.distinct() >= n) {
      await untilQuiet(() => one.inbox.count + two.inbox.count, 1_500, 10_000);
      break;
    }
    await sleep(100);
  }
  await one.subscription.close();
  await two.subscription.close();
  return [one.inbox.distinct(), two.inbox.distinct()] as const;
}

export const consumerGroups: Scenario = {
  name: "consumer-groups",
  texts: (m) => m.consumerGroups,
  params: (settings) => ({ messages: settings.messages }),
  async run(context): Promise<Outcome> {
    const n = context.messages;
    const [groupA, groupB] = await twoConsumers(context, "groups", [
      context.uniqueName("a"),
      context.uniqueName("b"),
    ]);
    context.metrics.groupA = groupA;
    context.metrics.groupB = groupB;
    context.metrics.everyGroupGetsAll = groupA === n && groupB === n;
    const t = context.m.consumerGroups;
    context.progress(t.twoGroups(groupA, groupB));
    const group = context.uniqueName("g");
    const [consumerOne, consumerTwo] = await twoConsumers(context, "compete", [group, group]);
    context.metrics.consumerOne = consumerOne;
    context.metrics.consumerTwo = consumerTwo;
    context.metrics.consumersSplit = consumerOne > 0 && consumerTwo > 0 && consumerOne + consumerTwo === n;
    const groupsText = context.metrics.everyGroupGetsAll
      ? t.eachGotAll(n)
      : t.groupsShared(n, groupA, groupB);
    const splitText = context.metrics.consumersSplit
      ? t.split(consumerOne, consumerTwo)
      : t.notSplit(consumerOne, consumerTwo);
    return { summary: `${groupsText}; ${splitText}` };
  },
  charts: (results, m) => [
    barChart({
      title: m.consumerGroups.chartTitle,
      yLabel: m.consumerGroups.chartY,
      texts: m.report.chartTexts,
      categories: results.map((result) => result.target),
      series: [
        { name: m.consumerGroups.groupA, values: results.map((r) => numeric(r.metrics.groupA)) },
        { name: m.consumerGroups.groupB, values: results.map((r) => numeric(r.metrics.groupB)) },
        { name: m.consumerGroups.consumerOne, values: results.map((r) => numeric(r.metrics.consumerOne)) },
        { name: m.consumerGroups.consumerTwo, values: results.map((r) => numeric(r.metrics.consumerTwo)) },
      ],
    }),
  ],
};
