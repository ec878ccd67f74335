import type { RetentionPolicy } from "@brokerlab/messaging";
import { stepChart } from "@brokerlab/report";
import { eventually, sleep } from "@brokerlab/testing/harness";
import type { ScenarioContext } from "../context.js";
import { consumeTimeoutMs } from "../harness/consume-timeout.js";
import { publishAll } from "../harness/publish.js";
import { scenarioRecords } from "../harness/records.js";
import type { SeriesPoints } from "../results.js";
import type { Outcome, Scenario } from "../scenario.js";

const POLICY_AGE_MS = 1_000;
const SEGMENT_BYTES = 4_096;
const TRICKLE_MS = 500;
const AFTER_DROP_MS = 2_500;

/** One policy per target, from the retention kinds it declares: time first, else count, else size. */
/** The policy's label is a short value for a table cell, the same in every language. */
function choosePolicy(context: ScenarioContext): { policy: RetentionPolicy; label: string } | undefined {
  const kinds = context.capabilities.retention;
  const quarter = Math.max(1, Math.floor(context.messages / 4));
  if (kinds.includes("time")) {
    return {
      policy: { maxAgeMs: POLICY_AGE_MS, segmentBytes: SEGMENT_BYTES },
      label: `age ${POLICY_AGE_MS / 1000}s`,
    };
  }
  if (kinds.includes("count")) return { policy: { maxCount: quarter }, label: `count ${quarter}` };
  if (kinds.includes("size")) {
    return {
      policy: { maxBytes: quarter * 16, segmentBytes: SEGMENT_BYTES },
      label: `bytes ${quarter * 16}`,
    };
  }
  return undefined;
}

async function consumeAndInspect(context: ScenarioContext): Promise<void> {
  const n = context.messages;
  const topic = await context.topic("retention", { partitions: context.partitions(3) });
  const consumer = await context.consume(topic, {
    group: context.uniqueName("g"),
    from: context.fromStart(),
  });
  await publishAll(context, topic, scenarioRecords(n));
  await consumer.inbox.waitForDistinct(n, consumeTimeoutMs(n), "consuming every record");
  await consumer.subscription.close();
  context.metrics.produced = n;
  context.metrics.consumed = consumer.inbox.distinct();
  context.progress(context.m.retention.consumedAsking(consumer.inbox.distinct(), n));
  // Acks settle asynchronously on some brokers: read until the count is all or nothing, or stops moving.
  const state = await eventually(
    () => context.client.inspect(topic),
    (s) => s.stored === 0 || s.stored === n,
    5_000,
  );
  context.metrics.retainedAfterConsume = state.stored;
  // Job queues keep finished jobs in history sets (BullMQ's completed set): stored, but never delivered again.
  for (const [set, count] of Object.entries(state.history ?? {})) context.metrics[`${set}Kept`] = count;
}

/**
 * Publishes into a topic with a short policy and watches the stored count fall. A trickle of new records
 * keeps arriving, as in real traffic: log brokers only apply retention to closed segments, and Redis trims
 * on publish.
 */
async function watchPolicy(context: ScenarioContext): Promise<void> {
  const chosen = choosePolicy(context);
  if (!chosen) {
    context.metrics.policy = null;
    context.metrics.retainedAfterPolicy = null;
    context.metrics.policySeconds = null;
    context.note(context.m.retention.noPolicy(context.target));
    return;
  }
  const n = context.messages;
  context.metrics.policy = chosen.label;
  context.progress(context.m.retention.policyStep(chosen.label));
  const topic = await context.topic("policy", { retention: chosen.policy });
  const started = Date.now();
  const timeline: SeriesPoints = [];
  let failedSamples = 0;
  let lastStored = 0;
  const sample = async () => {
    try {
      lastStored = (await context.client.inspect(topic)).stored;
      failedSamples = 0;
    } catch (error) {
      // A log truncating under a reader can make one inspection fail; give up only if it keeps failing.
      failedSamples += 1;
      if (failedSamples >= 5) throw error;
      context.note(context.m.retention.inspectionFailed((error as Error).message));
      return lastStored;
    }
    timeline.push([Number(((Date.now() - started) / 1000).toFixed(2)), lastStored]);
    return lastStored;
  };
  await sample();
  await publishAll(context, topic, scenarioRecords(n));
  const published = Date.now();
  context.progress(context.m.retention.policyHolds(n));
  let produced = n;
  let droppedAt: number | undefined;
  let lastTrickle = published;
  let stored = await sample();
  while (Date.now() - published < context.settings.policyWaitMs) {
    if (chosen.policy.maxAgeMs !== undefined && Date.now() - lastTrickle >= TRICKLE_MS) {
      await context.client.publish(topic, scenarioRecords(1, { from: produced, label: "trickle" }));
      produced += 1;
      lastTrickle = Date.now();
    }
    await sleep(250);
    const now = await sample();
    if (droppedAt === undefined && now < n) {
      droppedAt = Date.now();
      context.progress(context.m.retention.droppedAfter(((droppedAt - published) / 1000).toFixed(1)));
    }
    stored = now;
    // A little while after the broker first dropped data, the timeline has shown what it does.
    if (droppedAt !== undefined && Date.now() - droppedAt >= AFTER_DROP_MS) break;
  }
  context.metrics.policyProduced = produced;
  context.metrics.retainedAfterPolicy = stored;
  context.metrics.policySeconds =
    droppedAt === undefined ? null : Number(((droppedAt - published) / 1000).toFixed(2));
  context.series.stored = timeline;
  if (droppedAt === undefined) {
    context.note(context.m.retention.nothingDropped(chosen.label, context.settings.policyWaitMs / 1000));
  }
}

export const retention: Scenario = {
  name: "retention",
  texts: (m) => m.retention,
  params: (settings) => ({
    messages: settings.messages,
    policyAgeMs: POLICY_AGE_MS,
    segmentBytes: SEGMENT_BYTES,
    policyWaitMs: settings.policyWaitMs,
  }),
  async run(context): Promise<Outcome> {
    await consumeAndInspect(context);
    await watchPolicy(context);
    const t = context.m.retention;
    const produced = context.messages;
    const stored = Number(context.metrics.retainedAfterConsume);
    const { policySeconds, policy } = context.metrics;
    const completed =
      typeof context.metrics.completedKept === "number" ? context.metrics.completedKept : undefined;
    const kept = stored === produced ? t.keepsAll(produced) : t.storesSome(stored, produced, completed);
    const policyText =
      policy === null || policy === undefined
        ? t.noPolicySummary
        : typeof policySeconds !== "number"
          ? t.policyNothing(String(policy))
          : t.policyDropped(String(policy), policySeconds, Number(context.metrics.retainedAfterPolicy));
    return { summary: `${kept}; ${policyText}` };
  },
  charts: (results, m) => [
    stepChart({
      title: m.retention.chartTitle,
      xLabel: m.retention.chartX,
      yLabel: m.retention.chartY,
      texts: m.report.chartTexts,
      series: results
        .filter((result) => result.series?.stored)
        .map((result) => ({ name: result.target, points: result.series?.stored ?? [] })),
      description: m.retention.chartDescription,
    }),
  ],
};
