import type { HistoryEvent, MembersEvent } from "./history.js";

/** [seconds since the run started, value] */
export type Points = [number, number][];

export type Timeline = {
  /** Acknowledged publishes per second, per interval. */
  readonly ackedPerSecond: Points;
  /** Attempts that failed or ended unknown, per second, per interval. */
  readonly notAckedPerSecond: Points;
  /** Replicas in sync (Kafka ISR, online quorum members, replicas at the primary's offset) at each sample. */
  readonly inSync: Points;
  readonly members: Points;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The run over time, from its history: rates per `bucketMs` interval and the membership samples. */
export function timelineOf(events: readonly HistoryEvent[], bucketMs = 500): Timeline {
  const acked = new Map<number, number>();
  const notAcked = new Map<number, number>();
  let last = 0;
  for (const event of events) {
    if (event.type !== "attempt") continue;
    const bucket = Math.floor(event.end / bucketMs);
    const into = event.outcome === "ok" ? acked : notAcked;
    into.set(bucket, (into.get(bucket) ?? 0) + 1);
    last = Math.max(last, bucket);
  }
  const perSecond = (counts: Map<number, number>): Points =>
    Array.from({ length: last + 1 }, (_, b) => [
      round2((b * bucketMs) / 1000),
      round2(((counts.get(b) ?? 0) * 1000) / bucketMs),
    ]);
  const samples = events.filter((e): e is MembersEvent => e.type === "members");
  return {
    ackedPerSecond: perSecond(acked),
    notAckedPerSecond: perSecond(notAcked),
    inSync: samples.map((s) => [round2(s.t / 1000), s.inSync]),
    members: samples.map((s) => [round2(s.t / 1000), s.members]),
  };
}
