import { evaluatePartition, type PartitionEvaluation, type PartitionWindow } from "./evaluate-partition.js";
import { type EvaluatorOptions, type StatusName, statusRank } from "./status.js";

export interface GroupPartitionWindow extends PartitionWindow {
  readonly topic: string;
  readonly partition: number;
  readonly owner: string;
  readonly clientId: string;
}

export interface PartitionStatus extends PartitionEvaluation {
  readonly topic: string;
  readonly partition: number;
  readonly owner: string;
  readonly clientId: string;
}

export interface GroupStatus {
  readonly cluster: string;
  readonly group: string;
  readonly status: StatusName;
  readonly complete: number;
  readonly partitions: readonly PartitionStatus[];
  readonly partitionCount: number;
  readonly maxlag: PartitionStatus | null;
  readonly totalLag: number;
}

/**
 * Burrow's `evaluateConsumerStatus`: the group takes its worst partition's status, with STOP, STALL and REWIND
 * reported as ERR; `complete` is the share of partitions whose window is full; `maxlag` the first partition
 * with the largest current lag.
 */
export function evaluateGroup(
  cluster: string,
  group: string,
  windows: readonly GroupPartitionWindow[],
  nowMs: number,
  options: EvaluatorOptions,
): GroupStatus {
  let status: StatusName = "OK";
  let maxlag: PartitionStatus | null = null;
  let completePartitions = 0;
  const partitions = windows.map((window): PartitionStatus => {
    const evaluation = evaluatePartition(window, nowMs, options);
    const partition = {
      ...evaluation,
      topic: window.topic,
      partition: window.partition,
      owner: window.owner,
      clientId: window.clientId,
    };
    if (statusRank(partition.status) > statusRank(status)) {
      status = statusRank(partition.status) > statusRank("ERR") ? "ERR" : partition.status;
    }
    if (maxlag === null || partition.currentLag > maxlag.currentLag) maxlag = partition;
    if (partition.complete === 1) completePartitions += 1;
    return partition;
  });
  return {
    cluster,
    group,
    status,
    complete: partitions.length > 0 ? completePartitions / partitions.length : 0,
    partitions,
    partitionCount: partitions.length,
    maxlag,
    totalLag: partitions.reduce((sum, partition) => sum + partition.currentLag, 0),
  };
}

/** Burrow's answer for a group it does not know (served with HTTP 404). */
export function notFoundStatus(cluster: string, group: string): GroupStatus {
  return {
    cluster,
    group,
    status: "NOTFOUND",
    complete: 1,
    partitions: [],
    partitionCount: 0,
    maxlag: null,
    totalLag: 0,
  };
}
