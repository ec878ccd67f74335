import type { Table } from "@brokerlab/report";
import type { Messages } from "../i18n/index.js";
import type { RunResults, TargetResult } from "../results.js";

export type BrokerKind = "event" | "message" | "mixed";

/** What the run measured about one target; null where the scenario did not run or failed on it. */
export interface TargetVerdict {
  readonly target: string;
  readonly keeps: boolean | null;
  readonly replays: boolean | null;
  readonly groups: boolean | null;
  readonly order: boolean | null;
  readonly deletes: boolean | null;
  readonly kind: BrokerKind | null;
}

function resultOf(run: RunResults, scenario: string, target: string): TargetResult | undefined {
  const result = run.scenarios.find((s) => s.name === scenario)?.results.find((r) => r.target === target);
  return result && !result.error ? result : undefined;
}

function compare(a: unknown, b: unknown, test: (x: number, y: number) => boolean): boolean | null {
  return typeof a === "number" && typeof b === "number" ? test(a, b) : null;
}

/**
 * An event broker keeps consumed records (or does not delete them on ack), replays and serves every group;
 * a message broker deletes on ack (or keeps nothing) and cannot replay. Unmeasured properties never decide:
 * without the retention or the delete-on-consume rows there is no classification at all.
 */
export function classify(v: Omit<TargetVerdict, "kind" | "target">): BrokerKind | null {
  if (v.keeps === null && v.deletes === null) return null;
  const retains = v.keeps !== false && v.deletes !== true;
  if (retains && v.replays !== false && v.groups !== false) return "event";
  if (!retains && v.replays !== true && v.groups !== true) return "message";
  return "mixed";
}

/** Each target's properties, read from the measured rows of this run. */
export function verdicts(run: RunResults): TargetVerdict[] {
  const targets = [...new Set(run.scenarios.flatMap((s) => s.results.map((r) => r.target)))];
  return targets.map((target) => {
    const retention = resultOf(run, "retention", target)?.metrics;
    const replay = resultOf(run, "replay", target);
    const doc = resultOf(run, "delete-on-consume", target)?.metrics;
    const groups = resultOf(run, "consumer-groups", target)?.metrics.everyGroupGetsAll;
    const outOfOrder = resultOf(run, "ordering", target)?.metrics.outOfOrder;
    const measured = {
      keeps: compare(retention?.retainedAfterConsume, retention?.produced, (kept, all) => kept >= all),
      replays: replay ? replay.supported && Number(replay.metrics.replayed) > 0 : null,
      groups: typeof groups === "boolean" ? groups : null,
      order: typeof outOfOrder === "number" ? outOfOrder === 0 : null,
      deletes: compare(doc?.storedAfterAck, doc?.storedBeforeConsume, (after, before) => after < before),
    };
    return { target, ...measured, kind: classify(measured) };
  });
}

/** The closing table (targets as columns, one row per property, the kind last) and one sentence per target. */
export function verdictSection(
  run: RunResults,
  m: Messages,
): { table: Table; sentences: string[] } | undefined {
  const all = verdicts(run);
  if (all.every((v) => v.kind === null)) return undefined;
  const p = m.verdict.properties;
  const row = (label: string, pick: (v: TargetVerdict) => boolean | null) => [label, ...all.map(pick)];
  const table: Table = {
    headers: [m.verdict.property, ...all.map((v) => v.target)],
    rows: [
      row(p.keepsAfterConsume, (v) => v.keeps),
      row(p.replaysFromOffset, (v) => v.replays),
      row(p.everyGroupGetsAll, (v) => v.groups),
      row(p.keyOrderCompeting, (v) => v.order),
      row(p.deletesOnAck, (v) => v.deletes),
      [m.verdict.kind, ...all.map((v) => (v.kind ? m.verdict.kinds[v.kind] : null))],
    ],
    align: ["left", ...all.map(() => "right" as const)],
  };
  const sentences = all.flatMap((v) => (v.kind ? [m.verdict.sentence({ ...v, kind: v.kind })] : []));
  return { table, sentences };
}
