import type { AttemptEvent, FaultEvent, HistoryEvent, LeaderEvent, ReadEvent, RunEvent } from "./history.js";

/** Everything a failover run reports, computed from its history alone (Jepsen's queue checker is the model). */
export interface FailoverMetrics {
  /** Records the producer tried to publish at least once. */
  attempted: number;
  /** Records with an attempt that resolved (`ok`). */
  acknowledged: number;
  /** Records whose every attempt definitely failed. */
  failed: number;
  /** Records never acknowledged with at least one attempt of unknown outcome. */
  unknown: number;
  /** Attempts beyond each record's first. */
  retries: number;
  /** Acknowledged but never delivered to any reader. */
  lost: number;
  /** Not acknowledged (unknown or failed) yet delivered. */
  recovered: number;
  /** Records delivered but never attempted (each read without a number counts as one too). */
  unexpected: number;
  /** Records stored twice: logs, at two positions seen by the fresh reader; queues, delivered after an ack. */
  duplicates: number;
  /** Of those, records the application itself sent more than once (re-sends of unknown outcomes). */
  duplicatesResent: number;
  /** Logs only: records the group read that the fresh reader no longer found (gone from the log). */
  vanishedFromLog: number | null;
  /** Reads, per reader and key, of a record older than one that reader already had of the same key. */
  outOfOrder: number;
  /** Longest stretch without an acknowledged publish, from the first attempt to the last. */
  unavailableSeconds: number | null;
  /** From the fault to the first acknowledged publish started after it. */
  failoverSeconds: number | null;
  leaderBefore: string | null;
  leaderAfter: string | null;
  faultNode: string | null;
  faultAtSeconds: number | null;
  recoverAtSeconds: number | null;
  /** The fresh reader read until nothing more came (false: its bounded wait ran out). */
  freshReadComplete: boolean;
}

type Final = "ok" | "failed" | "unknown";

/** Each record's outcome over all its attempts: ok if any attempt was, else unknown if any was, else failed. */
function finalOutcomes(attempts: readonly AttemptEvent[]): Map<number, Final> {
  const finals = new Map<number, Final>();
  for (const attempt of attempts) {
    const before = finals.get(attempt.id);
    if (attempt.outcome === "ok" || before === "ok") finals.set(attempt.id, "ok");
    else if (attempt.outcome === "unknown" || before === "unknown") finals.set(attempt.id, "unknown");
    else finals.set(attempt.id, "failed");
  }
  return finals;
}

function count<T>(items: Iterable<T>, predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n++;
  return n;
}

/** Logs: records at two or more distinct positions in the fresh reader's read of the whole log. */
function logDuplicates(reads: readonly ReadEvent[]): Set<number> {
  const positions = new Map<number, Set<string>>();
  for (const read of reads) {
    if (read.reader !== "fresh" || read.id === null) continue;
    const seen = positions.get(read.id) ?? new Set<string>();
    seen.add(read.position);
    positions.set(read.id, seen);
  }
  return new Set([...positions].filter(([, seen]) => seen.size > 1).map(([id]) => id));
}

/** Queues: records delivered (to any reader) after an earlier delivery of them was acknowledged. */
function queueDuplicates(reads: readonly ReadEvent[]): Set<number> {
  const firstAck = new Map<number, number>();
  for (const read of reads) {
    if (read.id === null || read.ackedAt === undefined) continue;
    firstAck.set(read.id, Math.min(read.ackedAt, firstAck.get(read.id) ?? Number.POSITIVE_INFINITY));
  }
  const duplicated = new Set<number>();
  for (const read of reads) {
    const acked = read.id === null ? undefined : firstAck.get(read.id);
    if (read.id !== null && acked !== undefined && read.t > acked) duplicated.add(read.id);
  }
  return duplicated;
}

/** Per reader and key, in delivery order: a first read of a record older than the newest that reader had. */
function outOfOrderReads(reads: readonly ReadEvent[]): number {
  const newest = new Map<string, number>();
  const seen = new Set<string>();
  let n = 0;
  for (const read of [...reads].sort((a, b) => a.t - b.t)) {
    if (read.id === null) continue;
    const seenKey = `${read.reader}\u0000${read.id}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    const lane = `${read.reader}\u0000${read.key ?? ""}`;
    const max = newest.get(lane);
    if (max !== undefined && read.id < max) n++;
    else newest.set(lane, read.id);
  }
  return n;
}

/** Longest gap between consecutive acknowledgements, bounded by the first attempt's start and the last's end. */
function longestGapSeconds(attempts: readonly AttemptEvent[]): number | null {
  if (attempts.length === 0) return null;
  const first = Math.min(...attempts.map((a) => a.start));
  const last = Math.max(...attempts.map((a) => a.end));
  const acks = attempts
    .filter((a) => a.outcome === "ok")
    .map((a) => a.end)
    .sort((a, b) => a - b);
  let previous = first;
  let longest = 0;
  for (const at of [...acks, last]) {
    longest = Math.max(longest, at - previous);
    previous = Math.max(previous, at);
  }
  return seconds(longest);
}

function seconds(ms: number): number {
  return Math.round(ms / 10) / 100;
}

function leaderAt(events: readonly HistoryEvent[], phase: LeaderEvent["phase"]): string | null {
  const found = events.find((e): e is LeaderEvent => e.type === "leader" && e.phase === phase);
  return found?.node ?? null;
}

/** The one checker: every metric of a failover run from its history, trusting nothing else. */
export function checkHistory(events: readonly HistoryEvent[]): FailoverMetrics {
  const run = events.find((e): e is RunEvent => e.type === "run");
  const attempts = events.filter((e): e is AttemptEvent => e.type === "attempt");
  const reads = events.filter((e): e is ReadEvent => e.type === "read");
  const fault = events.find((e): e is FaultEvent => e.type === "fault");
  const recover = events.find((e): e is FaultEvent => e.type === "recover");
  const finals = finalOutcomes(attempts);
  const delivered = new Set(reads.flatMap((read) => (read.id === null ? [] : [read.id])));
  const retainsAfterAck = run?.retainsAfterAck ?? false;
  const freshIds = new Set(reads.filter((r) => r.reader === "fresh").map((r) => r.id));
  const groupIds = new Set(reads.filter((r) => r.reader === "group").map((r) => r.id));
  const duplicated = retainsAfterAck ? logDuplicates(reads) : queueDuplicates(reads);
  const sends = new Map<number, number>();
  for (const attempt of attempts) sends.set(attempt.id, (sends.get(attempt.id) ?? 0) + 1);
  const firstAckAfterFault = fault
    ? Math.min(...attempts.filter((a) => a.outcome === "ok" && a.start >= fault.t).map((a) => a.end))
    : Number.POSITIVE_INFINITY;
  return {
    attempted: finals.size,
    acknowledged: count(finals.values(), (f) => f === "ok"),
    failed: count(finals.values(), (f) => f === "failed"),
    unknown: count(finals.values(), (f) => f === "unknown"),
    retries: attempts.length - finals.size,
    lost: count(finals, ([id, f]) => f === "ok" && !delivered.has(id)),
    recovered: count(finals, ([id, f]) => f !== "ok" && delivered.has(id)),
    unexpected: count(delivered, (id) => !finals.has(id)) + count(reads, (read) => read.id === null),
    duplicates: duplicated.size,
    duplicatesResent: count(duplicated, (id) => (sends.get(id) ?? 0) > 1),
    vanishedFromLog: retainsAfterAck ? count(groupIds, (id) => id !== null && !freshIds.has(id)) : null,
    outOfOrder: outOfOrderReads(reads),
    unavailableSeconds: longestGapSeconds(attempts),
    failoverSeconds:
      fault && Number.isFinite(firstAckAfterFault) ? seconds(firstAckAfterFault - fault.t) : null,
    leaderBefore: leaderAt(events, "before"),
    leaderAfter: leaderAt(events, "after"),
    faultNode: fault?.node ?? null,
    faultAtSeconds: fault ? seconds(fault.t) : null,
    recoverAtSeconds: recover ? seconds(recover.t) : null,
    freshReadComplete: events.some((e) => e.type === "read-done" && e.reader === "fresh" && e.complete),
  };
}
