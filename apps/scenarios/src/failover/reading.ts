import type { FailoverMetrics } from "./check-history.js";

/** The notes' words for each durability level, broker-neutral (each target maps them to its own mechanism). */
const LEVEL_WORDS: Record<string, string> = {
  none: "fire-and-forget (acks=0, no confirms, no reply awaited)",
  leader: "leader-only acks (acks=1, a confirm from one node, the primary's reply)",
  replicated: "replicated acks (acks=all with min.insync.replicas=2, quorum confirms, WAIT for a replica)",
};

const FAULT_WORDS: Record<string, string> = {
  kill: "was SIGKILLed",
  pause: "hung (SIGSTOP)",
  isolate: "was cut off from its peers",
};

export interface ReadingSubject {
  readonly level: string;
  readonly fault: string;
  readonly idempotent: boolean;
  /** A log (duplicates are copies stored twice) rather than a queue (deliveries after an acknowledgement). */
  readonly retainsAfterAck: boolean;
}

/** One line per column in the notes' terms: what was lost when the leader failed, and who took over how fast. */
export function readingOf(subject: ReadingSubject, m: FailoverMetrics): string {
  const level = `${LEVEL_WORDS[subject.level] ?? subject.level}${subject.idempotent ? " with the idempotent producer" : ""}`;
  const fault = m.faultNode
    ? `when the leader ${m.faultNode} ${FAULT_WORDS[subject.fault] ?? `had a ${subject.fault} fault`}`
    : "with no fault injected";
  const parts = [
    m.lost === 0
      ? `${level} lost nothing of ${m.acknowledged} acknowledged records ${fault}`
      : `${level} lost ${m.lost} of ${m.acknowledged} acknowledged records ${fault}`,
  ];
  if (subject.level !== "replicated") {
    parts.push(
      m.lost === 0
        ? "loss is possible at this level, this run just did not hit it"
        : "the notes warn this level may lose data",
    );
  } else if (m.lost > 0) {
    parts.push("a replicated acknowledgement should not be lost");
  }
  if (m.failoverSeconds === null) parts.push("no publish was acknowledged after the fault");
  else {
    const who = m.leaderAfter && m.leaderAfter !== m.leaderBefore ? `${m.leaderAfter} took over; ` : "";
    parts.push(`${who}first acknowledgement ${m.failoverSeconds} s after the fault`);
  }
  if (m.duplicates > 0 && !subject.retainsAfterAck) {
    parts.push(`${m.duplicates} delivered again after their acknowledgement (at-least-once delivery)`);
  } else if (m.duplicates > 0) {
    const own = m.duplicates - m.duplicatesResent;
    parts.push(
      `${m.duplicates} stored twice (${m.duplicatesResent} re-sent by the application after an unknown outcome${own ? `, ${own} by the client's own retries` : ""})`,
    );
  }
  if (m.vanishedFromLog) parts.push(`${m.vanishedFromLog} read by the group are gone from the log`);
  if (m.recovered > 0) parts.push(`${m.recovered} of unknown outcome were stored after all`);
  if (!m.freshReadComplete) parts.push("the fresh reader's wait ran out: counts may be incomplete");
  return parts.join("; ");
}
