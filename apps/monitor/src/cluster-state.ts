import { evaluateGroup, type GroupPartitionWindow, type GroupStatus } from "./evaluator/evaluate-group.js";
import { lagNotDecreasing } from "./evaluator/evaluate-partition.js";
import type { EvaluatorOptions, StatusName } from "./evaluator/status.js";
import type {
  BrokerKind,
  CommitReading,
  Poll,
  PositionReading,
  QueueReading,
  UnsupportedReading,
} from "./model.js";
import { CommitWindow } from "./windows/commit-window.js";
import { LagTable } from "./windows/lag-table.js";

export interface WindowOptions {
  /** Commits and log-end offsets kept per partition (Burrow `intervals`, default 10). */
  readonly intervals: number;
  /** Burrow `min-distance` in ms (default 0). */
  readonly minDistanceMs: number;
  /** Commits older than this are ignored and groups without a newer one forgotten (Burrow `expire-group`). */
  readonly expireGroupMs: number;
  /** Points per partition for lag in seconds (kafka-lag-exporter `lookup-table-size`, default 60). */
  readonly lagTableSize: number;
  /** Points of lag history per group for the page. */
  readonly historySize: number;
  readonly evaluator: EvaluatorOptions;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = {
  intervals: 10,
  minDistanceMs: 0,
  expireGroupMs: 7 * 24 * 3600 * 1000,
  lagTableSize: 60,
  historySize: 300,
  evaluator: { allowedLag: 0, minimumComplete: 0 },
};

interface PartitionOffsets {
  brokerOffsets: number[];
  readonly table: LagTable;
}

interface TopicState {
  kind: string;
  partitions: PartitionOffsets[];
}

interface GroupPartition {
  readonly window: CommitWindow;
  /** From the broker (entry ids, job ages) instead of the log-end table. */
  lagSeconds?: number;
}

interface GroupState {
  kind: string;
  readonly topics: Map<string, Map<number, GroupPartition>>;
  lastCommit: number;
  consumers?: number;
  readonly history: HistoryPoint[];
}

interface QueueState {
  reading: QueueReading;
  readonly depths: number[];
  readonly history: HistoryPoint[];
}

export interface HistoryPoint {
  /** Seconds since epoch. */
  readonly t: number;
  readonly lag: number;
  readonly lagSeconds: number | null;
}

/** A group's Burrow status plus what Burrow lacks: target kind, lag in seconds per partition and overall. */
export interface GroupReport extends GroupStatus {
  readonly kind: string;
  readonly lagSeconds: number | null;
  readonly partitionLagSeconds: readonly (number | null)[];
  /** `commits` (Burrow's rules on the commit window) or `queue depth` (see queueStatus). */
  readonly statusBasis: "commits" | "queue depth";
  readonly consumers: number | null;
  readonly unacked: number | null;
  readonly history: readonly HistoryPoint[];
}

/**
 * Everything the monitor knows about one cluster: bounded windows per partition (never the whole history), the
 * last error, and the evaluation of every group on demand.
 */
export class ClusterState {
  private readonly topics = new Map<string, TopicState>();
  private readonly groups = new Map<string, GroupState>();
  private readonly queues = new Map<string, QueueState>();
  private order = 0;
  unsupported: readonly UnsupportedReading[] = [];
  source = "";
  error: string | null = null;
  lastPollAt: number | null = null;

  constructor(
    readonly name: string,
    readonly broker: BrokerKind,
    readonly addresses: readonly string[],
    readonly options: WindowOptions = DEFAULT_WINDOW_OPTIONS,
  ) {}

  /** A commit from the commit log; dropped, as Burrow does, while the partition's log end is unknown. */
  applyCommit(commit: CommitReading, now: number): void {
    if (commit.timestamp < now - this.options.expireGroupMs) return;
    const logEnd = this.topics.get(commit.topic)?.partitions[commit.partition]?.brokerOffsets.at(-1);
    if (logEnd === undefined) return;
    const group = this.group(commit.group, this.topics.get(commit.topic)?.kind ?? "kafka", now);
    const partition = this.groupPartition(group, commit.topic, commit.partition);
    if (partition.window.add(commit, logEnd, now))
      group.lastCommit = Math.max(group.lastCommit, commit.timestamp);
  }

  /** A deleted commit (tombstone): the partition leaves the group, the group goes when none is left. */
  forgetCommit(group: string, topic: string, partition: number): void {
    const state = this.groups.get(group);
    const partitions = state?.topics.get(topic);
    partitions?.delete(partition);
    if (partitions?.size === 0) state?.topics.delete(topic);
    if (state?.topics.size === 0) this.groups.delete(group);
  }

  applyPoll(poll: Poll, now: number): void {
    this.error = null;
    this.lastPollAt = now;
    this.source = poll.source;
    this.unsupported = poll.unsupported;
    const seen = new Set<string>();
    for (const reading of poll.topics) {
      seen.add(reading.topic);
      const topic = this.topics.get(reading.topic) ?? { kind: reading.kind, partitions: [] };
      topic.kind = reading.kind;
      reading.logEnds.forEach((logEnd, index) => {
        topic.partitions[index] ??= { brokerOffsets: [], table: new LagTable(this.options.lagTableSize) };
        const partition = topic.partitions[index];
        partition.brokerOffsets.push(logEnd);
        if (partition.brokerOffsets.length > this.options.intervals) partition.brokerOffsets.shift();
        partition.table.add({ offset: logEnd, time: now });
      });
      this.topics.set(reading.topic, topic);
    }
    for (const name of [...this.topics.keys()]) if (!seen.has(name)) this.topics.delete(name);
    for (const position of poll.positions) this.applyPosition(position, now);
    this.applyQueues(poll.queues);
    this.forgetGone(now);
    this.recordHistory(now);
  }

  markError(message: string): void {
    this.error = message;
  }

  topicNames(): string[] {
    return [...this.topics.keys(), ...this.queues.keys()].sort();
  }

  /** Burrow's topic detail: the newest log-end offset of each partition (a queue has none: empty). */
  topicOffsets(topic: string): number[] | undefined {
    if (this.queues.has(topic)) return [];
    return this.topics.get(topic)?.partitions.map((partition) => partition.brokerOffsets.at(-1) ?? 0);
  }

  topicKind(topic: string): string | undefined {
    return this.topics.get(topic)?.kind ?? this.queues.get(topic)?.reading.kind;
  }

  groupNames(): string[] {
    return [...this.groups.keys(), ...this.queues.keys()].sort();
  }

  /** Groups reading `topic` (Burrow's topic consumers). */
  consumersOf(topic: string): string[] {
    const groups = [...this.groups].filter(([, group]) => group.topics.has(topic)).map(([name]) => name);
    return this.queues.has(topic) ? [...groups, topic] : groups;
  }

  /** Burrow's consumer detail: per topic, per partition the commit window and current lag. */
  groupDetail(name: string) {
    const group = this.groups.get(name);
    if (!group) return undefined;
    const topics: Record<string, { offsets: ReturnType<CommitWindow["slots"]>; currentLag: number }[]> = {};
    for (const window of this.windows(group)) {
      topics[window.topic] ??= [];
      const list = topics[window.topic] ?? [];
      list[window.partition] = {
        offsets: window.offsets as ReturnType<CommitWindow["slots"]>,
        currentLag: window.currentLag,
      };
    }
    return topics;
  }

  report(name: string, now: number): GroupReport | undefined {
    const group = this.groups.get(name);
    if (group) return this.groupReport(name, group, now);
    const queue = this.queues.get(name);
    return queue ? this.queueReport(name, queue) : undefined;
  }

  reports(now: number): GroupReport[] {
    return this.groupNames().flatMap((name) => this.report(name, now) ?? []);
  }

  private group(name: string, kind: string, now: number): GroupState {
    let group = this.groups.get(name);
    if (!group) {
      group = { kind, topics: new Map(), lastCommit: now, history: [] };
      this.groups.set(name, group);
    }
    return group;
  }

  private groupPartition(group: GroupState, topic: string, partition: number): GroupPartition {
    const partitions = group.topics.get(topic) ?? new Map<number, GroupPartition>();
    group.topics.set(topic, partitions);
    let state = partitions.get(partition);
    if (!state) {
      state = { window: new CommitWindow(this.options.intervals, this.options.minDistanceMs) };
      partitions.set(partition, state);
    }
    return state;
  }

  /** A polled position is a commit at poll time when it moved (or is the first seen). */
  private applyPosition(position: PositionReading, now: number): void {
    const group = this.group(position.group, position.kind, now);
    group.kind = position.kind;
    if (position.consumers !== undefined) group.consumers = position.consumers;
    const partition = this.groupPartition(group, position.topic, position.partition);
    if (position.lagSeconds === undefined) delete partition.lagSeconds;
    else partition.lagSeconds = position.lagSeconds;
    if (partition.window.newest()?.offset === position.committed) return;
    const logEnd =
      this.topics.get(position.topic)?.partitions[position.partition]?.brokerOffsets.at(-1) ??
      position.committed;
    this.order += 1;
    partition.window.add({ offset: position.committed, order: this.order, timestamp: now }, logEnd, now);
    group.lastCommit = now;
  }

  private applyQueues(readings: readonly QueueReading[]): void {
    const seen = new Set(readings.map((reading) => reading.queue));
    for (const name of [...this.queues.keys()]) if (!seen.has(name)) this.queues.delete(name);
    for (const reading of readings) {
      const queue = this.queues.get(reading.queue) ?? { reading, depths: [], history: [] };
      queue.reading = reading;
      queue.depths.push(reading.ready + (reading.unacked ?? 0));
      if (queue.depths.length > this.options.intervals) queue.depths.shift();
      this.queues.set(reading.queue, queue);
    }
  }

  /** Groups whose last commit is older than expire-group, and partitions of topics that are gone. */
  private forgetGone(now: number): void {
    for (const [name, group] of this.groups) {
      if (group.lastCommit < now - this.options.expireGroupMs) this.groups.delete(name);
      for (const topic of group.topics.keys()) if (!this.topics.has(topic)) group.topics.delete(topic);
      if (group.topics.size === 0) this.groups.delete(name);
    }
  }

  private recordHistory(now: number): void {
    const push = (history: HistoryPoint[], report: GroupReport) => {
      history.push({ t: Math.round(now / 100) / 10, lag: report.totalLag, lagSeconds: report.lagSeconds });
      if (history.length > this.options.historySize) history.shift();
    };
    for (const [name, group] of this.groups) push(group.history, this.groupReport(name, group, now));
    for (const [name, queue] of this.queues) push(queue.history, this.queueReport(name, queue));
  }

  private windows(group: GroupState): (GroupPartitionWindow & { lagSeconds?: number })[] {
    const windows: (GroupPartitionWindow & { lagSeconds?: number })[] = [];
    for (const [topic, partitions] of [...group.topics].sort(([a], [b]) => a.localeCompare(b))) {
      for (const [partition, state] of [...partitions].sort(([a], [b]) => a - b)) {
        const offsets = this.topics.get(topic)?.partitions[partition];
        const committed = state.window.newest()?.offset;
        const logEnd = offsets?.brokerOffsets.at(-1);
        windows.push({
          topic,
          partition,
          offsets: state.window.slots(),
          brokerOffsets: offsets?.brokerOffsets ?? [],
          currentLag: committed === undefined || logEnd === undefined ? 0 : Math.max(0, logEnd - committed),
          owner: "",
          clientId: "",
          ...(state.lagSeconds !== undefined ? { lagSeconds: state.lagSeconds } : {}),
        });
      }
    }
    return windows;
  }

  private groupReport(name: string, group: GroupState, now: number): GroupReport {
    const windows = this.windows(group);
    const status = evaluateGroup(this.name, name, windows, now, this.options.evaluator);
    const partitionLagSeconds = windows.map((window) => {
      if (window.currentLag === 0) return 0;
      if (window.lagSeconds !== undefined) return window.lagSeconds;
      const committed = window.offsets.at(-1)?.offset;
      const table = this.topics.get(window.topic)?.partitions[window.partition]?.table;
      return committed === undefined ? null : (table?.lagSeconds(committed, now) ?? null);
    });
    return {
      ...status,
      kind: group.kind,
      lagSeconds: maxOrNull(partitionLagSeconds),
      partitionLagSeconds,
      statusBasis: "commits",
      consumers: group.consumers ?? null,
      unacked: null,
      history: group.history,
    };
  }

  private queueReport(name: string, queue: QueueState): GroupReport {
    const { reading } = queue;
    const depth = reading.ready + (reading.unacked ?? 0);
    const status = queueStatus(queue.depths, reading.consumers, this.options);
    const partition = {
      topic: name,
      partition: 0,
      owner: "",
      clientId: "",
      status,
      start: null,
      end: null,
      currentLag: depth,
      complete: queue.depths.length / this.options.intervals,
    };
    const lagSeconds = depth === 0 ? 0 : (reading.lagSeconds ?? null);
    return {
      cluster: this.name,
      group: name,
      status: status === "STOP" ? "ERR" : status,
      complete: partition.complete === 1 ? 1 : 0,
      partitions: [partition],
      partitionCount: 1,
      maxlag: partition,
      totalLag: depth,
      kind: reading.kind,
      lagSeconds,
      partitionLagSeconds: [lagSeconds],
      statusBasis: "queue depth",
      consumers: reading.consumers,
      unacked: reading.unacked,
      history: queue.history,
    };
  }
}

/**
 * A queue keeps no commits, so Burrow's commit rules cannot apply. The same ideas on its depth samples: OK when
 * the depth is within allowed-lag; STOP when messages wait and no consumer is attached; WARN when the window is
 * full and the depth never went down (Burrow's rule 5); else OK.
 */
export function queueStatus(
  depths: readonly number[],
  consumers: number | null,
  options: WindowOptions,
): StatusName {
  const depth = depths.at(-1) ?? 0;
  if (depth <= options.evaluator.allowedLag) return "OK";
  if (consumers === 0) return "STOP";
  const samples = depths.map((lag, i) => ({ offset: 0, order: i, timestamp: 0, observedAt: 0, lag }));
  if (depths.length === options.intervals && lagNotDecreasing(samples)) return "WARN";
  return "OK";
}

function maxOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? Math.max(...known) : null;
}
