import type { ICustomPartitioner, Message, PartitionerArgs } from "kafkajs";
import type { UnkeyedPartitioning } from "./producer-options.js";
import { UnkeyedPartitioner } from "./unkeyed-partitioner.js";

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Kafka's murmur2 exactly as the Java client computes it (org.apache.kafka.common.utils.Utils.murmur2):
 * 32-bit MurmurHash2, seed 0x9747b28c, little-endian 4-byte words, signed int result.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const words = length >>> 2;
  for (let i = 0; i < words; i++) {
    const at = i * 4;
    let k =
      (data[at] ?? 0) |
      ((data[at + 1] ?? 0) << 8) |
      ((data[at + 2] ?? 0) << 16) |
      ((data[at + 3] ?? 0) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length & ~3;
  const rest = length % 4;
  // Java's switch falls through from 3 to 2 to 1.
  if (rest >= 3) h ^= (data[tail + 2] ?? 0) << 16;
  if (rest >= 2) h ^= (data[tail + 1] ?? 0) << 8;
  if (rest >= 1) {
    h ^= data[tail] ?? 0;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * The partition the Java producer picks for a keyed record (BuiltInPartitioner.partitionForKey):
 * `toPositive(murmur2(utf8(key))) % partitionCount`. Same key, same partition, for every client that follows it.
 */
export function partitionForKey(key: string | Uint8Array, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partitionCount must be a positive integer, got ${partitionCount}`);
  }
  const bytes = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  return (murmur2(bytes) & 0x7fffffff) % partitionCount;
}

/**
 * A kafkajs partitioner: keyed records go where the Java client puts them, unkeyed records as `unkeyed` picks
 * among partitions that have a leader. `onAssign` learns each message's partition so publish can return positions.
 */
export function javaCompatiblePartitioner(
  onAssign: (message: Message, partition: number) => void,
  unkeyed: UnkeyedPartitioning = "round-robin",
): ICustomPartitioner {
  return () => {
    const chooser = new UnkeyedPartitioner(unkeyed);
    // kafkajs passes one metadata array for all messages of a send: its partitions with a leader are
    // worked out once per array, not once per message.
    let metadata: PartitionerArgs["partitionMetadata"] | undefined;
    let candidates: number[] = [];
    return ({ topic, partitionMetadata, message }: PartitionerArgs) => {
      if (partitionMetadata !== metadata) {
        metadata = partitionMetadata;
        const available = partitionMetadata.filter((partition) => partition.leader >= 0);
        candidates = (available.length > 0 ? available : partitionMetadata).map((p) => p.partitionId);
      }
      const partition = choosePartition(topic, partitionMetadata.length, candidates, message, chooser);
      onAssign(message, partition);
      return partition;
    };
  };
}

function choosePartition(
  topic: string,
  partitionCount: number,
  candidates: readonly number[],
  message: Message,
  chooser: UnkeyedPartitioner,
): number {
  if (message.partition !== undefined && message.partition !== null) return message.partition;
  if (message.key !== undefined && message.key !== null) return partitionForKey(message.key, partitionCount);
  return chooser.next(topic, candidates, valueBytes(message.value));
}

function valueBytes(value: Message["value"]): number {
  if (value === null) return 0;
  return typeof value === "string" ? Buffer.byteLength(value) : value.byteLength;
}
