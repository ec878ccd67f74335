/**
 * One failover run as a list of events, one JSON object per line of
 * `<out>/failover/<target>-<level>-<fault>.history.jsonl`. Times (`t`, `start`, `end`, `ackedAt`) are
 * milliseconds since the run started. Everything the checker reports is computed from these events alone.
 */
export type HistoryEvent =
  | RunEvent
  | AttemptEvent
  | ReadEvent
  | ReadDoneEvent
  | FaultEvent
  | LeaderEvent
  | MembersEvent;

/** First line: what ran, and what kind of destination it is (a log keeps records after acks, a queue does not). */
export interface RunEvent {
  readonly type: "run";
  readonly target: string;
  readonly level: string;
  readonly fault: string;
  readonly topic: string;
  readonly startedAt: string;
  readonly retainsAfterAck: boolean;
  /** The Kafka idempotent producer: retries are the client's own, the application never re-sends. */
  readonly idempotent: boolean;
}

/**
 * One publish attempt of one record. `ok`: the adapter's publish resolved (for `none` that only means sent).
 * `failed`: the broker or client said definitely not stored. `unknown`: timed out or the connection was lost.
 */
export interface AttemptEvent {
  readonly type: "attempt";
  readonly id: number;
  readonly key: string;
  /** 1 for the first attempt of this record, 2 for the first retry, ... */
  readonly attempt: number;
  readonly start: number;
  readonly end: number;
  readonly outcome: AttemptOutcome;
  readonly error?: string;
}

export type AttemptOutcome = "ok" | "failed" | "unknown";

/** One delivery to one reader. `id` is null when the record carried no number this run gave it. */
export interface ReadEvent {
  readonly type: "read";
  readonly reader: Reader;
  readonly id: number | null;
  readonly key: string | null;
  /** Printable broker position (partition/offset, stream id, delivery tag). */
  readonly position: string;
  readonly t: number;
  /** When the reader's acknowledgement resolved; absent when it did not (connection lost, reader closed). */
  readonly ackedAt?: number;
}

/** `group`: the consumer group reading along the way; `fresh`: the reader with its own client at the end. */
export type Reader = "group" | "fresh";

/** A reader stopped: `complete` when it read until nothing more came, false when its wait ran out first. */
export interface ReadDoneEvent {
  readonly type: "read-done";
  readonly reader: Reader;
  readonly t: number;
  readonly complete: boolean;
}

/** The fault injected on a node (`kill`, `pause`, `isolate`) and the action that brought it back. */
export interface FaultEvent {
  readonly type: "fault" | "recover";
  readonly t: number;
  readonly action: string;
  readonly node: string;
}

/** The node leading the destination, before the fault and after recovery. */
export interface LeaderEvent {
  readonly type: "leader";
  readonly phase: "before" | "after";
  readonly t: number;
  readonly node: string | null;
}

/**
 * A membership sample: Kafka ISR of the partition, quorum queue / stream members, Redis primary and
 * replicas. `inSync` counts the replicas caught up (Kafka ISR, online members, replicas at the primary's offset).
 */
export interface MembersEvent {
  readonly type: "members";
  readonly t: number;
  readonly leader: string | null;
  readonly members: number;
  readonly inSync: number;
  readonly detail?: string;
}
