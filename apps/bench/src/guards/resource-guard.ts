import type { LoadedWorkload } from "@brokerlab/bench";
import {
  type BrokerRoom,
  type Capabilities,
  type ConnectionSource,
  InvalidArgumentError,
  type TargetId,
  withTimeout,
} from "@brokerlab/messaging";
import { capabilitiesOf, connectionSource, targetDefinition } from "@brokerlab/targets";
import { PROBE_CONTEXT } from "./probe-context.js";

/** 1 GB as OMB counts consumerBacklogSizeGB (and the runner builds it). */
const GB = 1024 ** 3;
/** A broker that does not answer this soon is left to the run, which reports it as unreachable. */
const ROOM_TIMEOUT_MS = 10_000;

type Workload = LoadedWorkload["workload"];

/** What a run would keep stored on a target at its peak, and why, as the runner's phases build it. */
export interface Footprint {
  readonly bytes: number;
  /** How the figure comes about, e.g. "consumerBacklogSizeGB 100". */
  readonly because: string;
  /** The workload fields that lower it. */
  readonly lower: string;
}

/**
 * The runner keeps consumers up with producers except while it builds `consumerBacklogSizeGB` (consumers
 * stopped), so a queue holds at most that backlog. A log (Kafka, streams) keeps every record it was sent for
 * the whole warm-up and test as well. With producerRate 0 the rate is searched, so only the backlog is known.
 */
export function footprint(workload: Workload, recordBytes: number, capabilities: Capabilities): Footprint {
  const backlog = workload.consumerBacklogSizeGB * GB;
  const seconds = workload.warmupDurationSeconds + workload.testDurationSeconds;
  const retained = capabilities.retainsAfterAck ? workload.producerRate * seconds * recordBytes : 0;
  const because: string[] = [];
  if (backlog > 0) because.push(`consumerBacklogSizeGB ${workload.consumerBacklogSizeGB}`);
  if (retained > 0) {
    because.push(
      `${workload.producerRate} msg/s × ${formatBytes(recordBytes)} × ${seconds} s of warm-up and test, all kept after consumption`,
    );
  }
  const lower = [
    ...(backlog > 0 ? ["consumerBacklogSizeGB"] : []),
    ...(retained > 0 ? ["producerRate", "testDurationSeconds", "messageSize"] : []),
  ];
  return { bytes: backlog + retained, because: because.join(" + "), lower: lower.join(", ") };
}

export function formatBytes(bytes: number): string {
  const units: readonly [number, string][] = [
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes} B`;
}

/** The record a producer would build: the payload file's bytes, else messageSize. */
function recordBytesOf(loaded: LoadedWorkload): number {
  return loaded.payload?.bytes.length ?? loaded.workload.messageSize;
}

/**
 * Refuses (one InvalidArgumentError, exit 2) a record larger than a target's broker accepts, before any
 * producer builds one. Needs no broker: the limit is the target's definition.
 */
export function checkRecordSize(loaded: LoadedWorkload, targets: readonly TargetId[]): void {
  const bytes = recordBytesOf(loaded);
  for (const target of targets) {
    const capacity = targetDefinition(target).bench.capacity;
    if (capacity === undefined || bytes <= capacity.maxRecordBytes) continue;
    throw new InvalidArgumentError(
      `workload "${loaded.workload.name}": a record of ${formatBytes(bytes)} (${bytes} bytes) is more than ${target} accepts, ${capacity.maxRecordBytes} bytes (${capacity.maxRecordWhat}); lower messageSize to at most ${capacity.maxRecordBytes}`,
    );
  }
}

/**
 * Refuses a workload whose backlog or retained volume would not fit what a target's broker can hold (Redis'
 * memory, Kafka's and RabbitMQ's disk), before a record is sent. A broker whose room cannot be read (not on
 * this machine, not answering) is not judged here; an unreachable one fails the run itself.
 */
export async function checkResources(
  loaded: LoadedWorkload,
  targets: readonly TargetId[],
  source: ConnectionSource = connectionSource(),
): Promise<void> {
  checkRecordSize(loaded, targets);
  const rooms = new Map<string, Promise<BrokerRoom | undefined>>();
  for (const target of targets) {
    const definition = targetDefinition(target);
    const capacity = definition.bench.capacity;
    if (capacity === undefined) continue;
    const needed = footprint(loaded.workload, recordBytesOf(loaded), capabilitiesOf(target, source));
    if (needed.bytes === 0) continue;
    let room = rooms.get(definition.broker);
    if (room === undefined) {
      const settings = definition.settings(source);
      room = withTimeout(
        capacity.room(settings, PROBE_CONTEXT),
        ROOM_TIMEOUT_MS,
        `reading ${definition.broker}'s room`,
      ).catch(() => undefined);
      rooms.set(definition.broker, room);
    }
    const have = await room;
    if (have === undefined || needed.bytes <= have.bytes) continue;
    throw new InvalidArgumentError(
      `workload "${loaded.workload.name}" would keep ${formatBytes(needed.bytes)} on ${target} (${needed.because}) but ${definition.broker} can hold ${formatBytes(have.bytes)} (${have.what}); lower ${needed.lower}, or ${have.fix}`,
    );
  }
}
