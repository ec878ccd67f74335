import type { DurabilityLevel } from "@brokerlab/messaging";
import type { Messages } from "../i18n/index.js";
import type { FailoverMetrics } from "./check-history.js";
import type { FaultKind } from "./failover-cluster.js";

export interface ReadingSubject {
  readonly level: DurabilityLevel;
  readonly fault: FaultKind;
  readonly idempotent: boolean;
  /** A log (duplicates are copies stored twice) rather than a queue (deliveries after an acknowledgement). */
  readonly retainsAfterAck: boolean;
}

/**
 * One line per column in the notes' terms, in the report's language: what was lost when the leader failed,
 * and who took over how fast.
 */
export function readingOf(
  subject: ReadingSubject,
  metrics: FailoverMetrics,
  m: Messages["failover"],
): string {
  const level = subject.idempotent ? m.idempotent(m.levels[subject.level]) : m.levels[subject.level];
  const fault = metrics.faultNode ? m.faults[subject.fault](metrics.faultNode) : m.noFault;
  const parts = [
    metrics.lost === 0
      ? m.lostNothing(level, metrics.acknowledged, fault)
      : m.lost(level, metrics.lost, metrics.acknowledged, fault),
  ];
  if (subject.level !== "replicated") parts.push(metrics.lost === 0 ? m.lossPossible : m.lossWarned);
  else if (metrics.lost > 0) parts.push(m.replicatedLost);
  if (metrics.failoverSeconds === null) parts.push(m.noAckAfterFault);
  else {
    if (metrics.leaderAfter && metrics.leaderAfter !== metrics.leaderBefore) {
      parts.push(m.tookOver(metrics.leaderAfter));
    }
    parts.push(m.firstAck(metrics.failoverSeconds));
  }
  if (metrics.duplicates > 0 && !subject.retainsAfterAck) parts.push(m.redelivered(metrics.duplicates));
  else if (metrics.duplicates > 0) {
    const own = metrics.duplicates - metrics.duplicatesResent;
    parts.push(m.storedTwice(metrics.duplicates, metrics.duplicatesResent, own));
  }
  if (metrics.vanishedFromLog) parts.push(m.vanished(metrics.vanishedFromLog));
  if (metrics.recovered > 0) parts.push(m.recovered(metrics.recovered));
  if (!metrics.freshReadComplete) parts.push(m.freshIncomplete);
  return parts.join(m.separator);
}
