import { DURABILITY_LEVELS, type DurabilityLevel } from "@brokerlab/messaging";
import { barChart } from "@brokerlab/report";
import { eventually } from "@brokerlab/testing/harness";
import { publishAll } from "../harness/publish.js";
import { scenarioRecords } from "../harness/records.js";
import { numeric } from "../harness/values.js";
import type { Outcome, Scenario } from "../scenario.js";

const METRIC: Record<DurabilityLevel, string> = {
  none: "throughputNone",
  leader: "throughputLeader",
  replicated: "throughputReplicated",
};

const WARMUP = 5;

const STORED: Record<DurabilityLevel, string> = {
  none: "storedNone",
  leader: "storedLeader",
  replicated: "storedReplicated",
};

export const acks: Scenario = {
  name: "acks",
  texts: (m) => m.acks,
  params: (settings) => ({ messages: settings.messages, recordsPerPublish: 1 }),
  async run(context): Promise<Outcome> {
    const n = context.messages;
    const measured: string[] = [];
    const t = context.m.acks;
    for (const level of DURABILITY_LEVELS) {
      // Asked even where undeclared: the adapter's refusal becomes a note with its reason.
      // Where `replicated` is declared (a cluster), its copies exist: RF 3, three quorum members.
      const replicas = level === "replicated" && context.capabilities.durability.includes(level);
      const topic = replicas
        ? await context.replicatedTopic(`acks-${level}`)
        : await context.topic(`acks-${level}`, { partitions: 1 });
      const rate = await context.attempt(t.durability(level), async () => {
        // A few unmeasured records first, so connection set-up and warm-up do not count against one level.
        await publishAll(context, topic, scenarioRecords(WARMUP, { label: "warmup" }), {
          batch: 1,
          durability: level,
        });
        const started = performance.now();
        await publishAll(context, topic, scenarioRecords(n), { batch: 1, durability: level });
        return n / ((performance.now() - started) / 1000);
      });
      context.metrics[METRIC[level]] = rate === undefined ? null : Math.round(rate);
      if (rate === undefined) {
        context.metrics[STORED[level]] = null;
        continue;
      }
      const state = await eventually(
        () => context.client.inspect(topic),
        (s) => s.stored >= n + WARMUP,
        3_000,
      );
      context.metrics[STORED[level]] = state.stored - WARMUP;
      measured.push(t.levelRate(level, Math.round(rate)));
      context.progress(t.rate(level, Math.round(rate)));
    }
    if (measured.length === 0) {
      return { supported: false, reason: context.notes.join("; "), summary: t.none };
    }
    return { summary: t.summary(measured.join(", ")) };
  },
  charts: (results, m) => [
    barChart({
      title: m.acks.chartTitle,
      yLabel: m.acks.chartY,
      texts: m.report.chartTexts,
      categories: results.map((result) => result.target),
      series: DURABILITY_LEVELS.map((level) => ({
        name: m.acks.levels[level],
        values: results.map((r) => numeric(r.metrics[METRIC[level]])),
      })),
    }),
  ],
};
