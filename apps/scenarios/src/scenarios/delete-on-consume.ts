import { StartAt, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { barChart } from "@brokerlab/report";
import { eventually, numberOf, sleep, untilQuiet } from "@brokerlab/testing/harness";
import { publishAll } from "../harness/publish.js";
import { scenarioRecords } from "../harness/records.js";
import { numeric } from "../harness/values.js";
import type { Outcome, Scenario } from "../scenario.js";

export const deleteOnConsume: Scenario = {
  name: "delete-on-consume",
  texts: (m) => m.deleteOnConsume,
  params: (settings) => ({ messages: settings.messages, acknowledged: Math.floor(settings.messages / 2) }),
  async run(context): Promise<Outcome> {
    const n = context.messages;
    const half = Math.floor(n / 2);
    const group = context.uniqueName("g");
    const topic = await context.topic("doc", { partitions: 1 });
    await publishAll(context, topic, scenarioRecords(n));
    const before = await eventually(
      () => context.client.inspect(topic),
      (s) => s.stored >= n,
      5_000,
    );
    context.metrics.storedBeforeConsume = before.stored;

    // Acknowledge exactly the first half; later deliveries stay unsettled and go back when we close.
    let acked = 0;
    const first = await context.consume(topic, { group, from: context.fromStart(), prefetch: 10 }, () => {
      if (acked >= half) return "keep";
      acked += 1;
      return "ack";
    });
    await eventually(
      async () => acked,
      (count) => count >= half,
      30_000,
    );
    await sleep(200);
    await first.subscription.close();
    // Settling can lag the ack on some brokers: poll briefly for the declared outcome, report what is read.
    const declared = context.capabilities.retainsAfterAck ? before.stored : before.stored - half;
    const after = await eventually(
      () => context.client.inspect(topic),
      (s) => s.stored === declared,
      3_000,
    );
    context.metrics.storedAfterAck = after.stored;
    context.progress(context.m.deleteOnConsume.acknowledged(acked, after.stored));

    // Nack the next delivery with requeue, acknowledge the rest, and watch for the nacked record again.
    let nacked: number | undefined;
    let redelivered = false;
    let refusal: string | undefined;
    const from = context.capabilities.startPositions.includes("committed")
      ? StartAt.committed
      : context.fromStart();
    const second = await context.consume(topic, { group, from, prefetch: 10 }, async (delivery) => {
      if (nacked === undefined) {
        nacked = numberOf(delivery);
        try {
          await delivery.nack({ requeue: true });
        } catch (error) {
          if (!(error instanceof UnsupportedCapabilityError)) throw error;
          refusal = error.message;
          await delivery.ack();
        }
        return "keep";
      }
      if (numberOf(delivery) === nacked) redelivered = true;
      return "ack";
    });
    await eventually(
      async () => redelivered || refusal !== undefined,
      (done) => done,
      10_000,
    );
    await untilQuiet(() => second.inbox.count, 500, 5_000);
    await second.subscription.close();
    context.metrics.redeliveredAfterNack = redelivered;
    const t = context.m.deleteOnConsume;
    if (refusal) context.note(context.m.runner.unsupportedStep(t.nackRequeue, refusal));
    return { summary: t.summary({ acked, stored: after.stored, before: before.stored, redelivered }) };
  },
  charts: (results, m) => [
    barChart({
      title: m.deleteOnConsume.chartTitle,
      yLabel: m.deleteOnConsume.chartY,
      texts: m.report.chartTexts,
      categories: results.map((result) => result.target),
      series: [
        {
          name: m.deleteOnConsume.before,
          values: results.map((r) => numeric(r.metrics.storedBeforeConsume)),
        },
        { name: m.deleteOnConsume.after, values: results.map((r) => numeric(r.metrics.storedAfterAck)) },
      ],
    }),
  ],
};
