import type { GroupReport } from "../cluster-state.js";
import type { PartitionStatus } from "../evaluator/evaluate-group.js";
import type { CommitEntry } from "../evaluator/status.js";

/** Burrow's protocol.ConsumerOffset JSON. */
export function offsetJson(entry: CommitEntry | null) {
  return entry === null
    ? null
    : { offset: entry.offset, timestamp: entry.timestamp, observedAt: entry.observedAt, lag: entry.lag };
}

/** Burrow's protocol.PartitionStatus JSON, plus `lag_seconds`. */
export function partitionJson(partition: PartitionStatus, lagSeconds: number | null) {
  return {
    topic: partition.topic,
    partition: partition.partition,
    owner: partition.owner,
    client_id: partition.clientId,
    status: partition.status,
    start: offsetJson(partition.start),
    end: offsetJson(partition.end),
    current_lag: partition.currentLag,
    complete: partition.complete,
    lag_seconds: lagSeconds,
  };
}

/**
 * Burrow's protocol.ConsumerGroupStatus JSON; `/status` keeps only partitions that are not OK (`showAll` false),
 * `/lag` all. Extra fields (kind, lag_seconds, status_basis, consumers, unacked) follow Burrow's.
 */
export function groupStatusJson(report: GroupReport, showAll: boolean) {
  const partitions = report.partitions
    .map((partition, index) => ({ partition, lagSeconds: report.partitionLagSeconds[index] ?? null }))
    .filter(({ partition }) => showAll || partition.status !== "OK")
    .map(({ partition, lagSeconds }) => partitionJson(partition, lagSeconds));
  const maxIndex = report.maxlag ? report.partitions.indexOf(report.maxlag) : -1;
  return {
    cluster: report.cluster,
    group: report.group,
    status: report.status,
    complete: report.complete,
    partitions,
    partition_count: report.partitionCount,
    maxlag: report.maxlag ? partitionJson(report.maxlag, report.partitionLagSeconds[maxIndex] ?? null) : null,
    totallag: report.totalLag,
    kind: report.kind,
    lag_seconds: report.lagSeconds,
    status_basis: report.statusBasis,
    consumers: report.consumers,
    unacked: report.unacked,
  };
}
