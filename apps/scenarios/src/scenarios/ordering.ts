import { type Subscription, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { barChart } from "@brokerlab/report";
import { numberOf, sleep, untilQuiet } from "@brokerlab/testing/harness";
import type { ScenarioContext } from "../context.js";
import { publishAll } from "../harness/publish.js";
import { scenarioRecords } from "../harness/records.js";
import { numeric } from "../harness/values.js";
import type { Outcome, Scenario } from "../scenario.js";

const KEYS = 6;

interface Pass {
  /** Deliveries processed (duplicates from redelivery included). */
  readonly processed: number;
  /** Processed records whose number is lower than one already processed for the same key. */
  readonly outOfOrder: number;
  readonly refusal?: string;
}

/** Per-key order as the application sees it: in the order handlers finish processing. */
function countOutOfOrder(order: readonly { key: string; n: number }[]): number {
  const highest = new Map<string, number>();
  let outOfOrder = 0;
  for (const { key, n } of order) {
    const seen = highest.get(key) ?? -1;
    if (n < seen) outOfOrder += 1;
    else highest.set(key, n);
  }
  return outOfOrder;
}

async function pass(context: ScenarioContext, consumers: number, redeliverAt?: number): Promise<Pass> {
  const n = context.messages;
  const topic = await context.topic("ordering", { partitions: context.partitions(3) });
  const group = context.uniqueName("g");
  const order: { key: string; n: number }[] = [];
  let nacked = false;
  let refusal: string | undefined;
  const subscriptions: Subscription[] = [];
  for (let c = 0; c < consumers; c++) {
    const consumer = await context.consume(
      topic,
      { group, from: context.fromStart(), prefetch: 10 },
      async (d) => {
        const number = numberOf(d);
        if (redeliverAt === number && !nacked) {
          nacked = true;
          try {
            await d.nack({ requeue: true });
            return "keep";
          } catch (error) {
            if (!(error instanceof UnsupportedCapabilityError)) throw error;
            refusal = error.message;
          }
        }
        // A little uneven work per record, as real handlers have.
        await sleep(number % 3);
        order.push({ key: d.key ?? "", n: number });
        return "ack";
      },
    );
    subscriptions.push(consumer.subscription);
  }
  await publishAll(context, topic, scenarioRecords(n, { keyOf: (i) => `key-${i % KEYS}` }), { batch: 20 });
  const distinct = () => new Set(order.map((entry) => entry.n)).size;
  const deadline = Date.now() + 30_000;
  while (distinct() < n && Date.now() < deadline) await sleep(100);
  await untilQuiet(() => order.length, 1_000, 5_000);
  for (const subscription of subscriptions) await subscription.close();
  return { processed: order.length, outOfOrder: countOutOfOrder(order), ...(refusal ? { refusal } : {}) };
}

export const ordering: Scenario = {
  name: "ordering",
  texts: (m) => m.ordering,
  params: (settings) => ({ messages: settings.messages, keys: KEYS, consumers: 3 }),
  async run(context): Promise<Outcome> {
    const half = Math.floor(context.messages / 2);
    const single = await pass(context, 1);
    context.metrics.outOfOrderOneConsumer = single.outOfOrder;
    const t = context.m.ordering;
    context.progress(t.oneConsumer(single.outOfOrder));
    const three = await pass(context, 3);
    context.metrics.outOfOrder = three.outOfOrder;
    context.progress(t.threeConsumers(three.outOfOrder));
    const redelivery = await pass(context, 3, half);
    if (redelivery.refusal) {
      context.note(context.m.runner.unsupportedStep(t.redelivery, redelivery.refusal));
      context.metrics.outOfOrderWithRedelivery = null;
    } else {
      context.metrics.outOfOrderWithRedelivery = redelivery.outOfOrder;
    }
    context.metrics.processedWithRedelivery = redelivery.processed;
    return {
      summary: t.summary(
        single.outOfOrder,
        three.outOfOrder,
        redelivery.refusal ? undefined : redelivery.outOfOrder,
      ),
    };
  },
  charts: (results, m) => [
    barChart({
      title: m.ordering.chartTitle,
      yLabel: m.ordering.chartY,
      texts: m.report.chartTexts,
      categories: results.map((result) => result.target),
      series: [
        { name: m.ordering.one, values: results.map((r) => numeric(r.metrics.outOfOrderOneConsumer)) },
        { name: m.ordering.three, values: results.map((r) => numeric(r.metrics.outOfOrder)) },
        {
          name: m.ordering.threeRedelivery,
          values: results.map((r) => numeric(r.metrics.outOfOrderWithRedelivery)),
        },
      ],
    }),
  ],
};
