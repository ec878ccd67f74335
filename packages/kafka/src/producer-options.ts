import { type DurabilityLevel, InvalidArgumentError } from "@brokerlab/messaging";

/**
 * How records without a key spread over a topic's partitions (the notes' "default partitioner"):
 * - `round-robin`: each record goes to the next partition with a leader (the Java client before 2.4);
 * - `sticky`: records stay on one partition until a batch's worth of bytes went there, then the producer moves
 *   to another partition at random (KIP-480's UniformStickyPartitioner; built into the Java client, and its
 *   default, since 2.4, switched by bytes since 3.3). Fewer, fuller batches; the same spread in the long run.
 * Keyed records always go by the key's murmur2 hash, as the Java client puts them.
 */
export type UnkeyedPartitioning = "round-robin" | "sticky";

export const UNKEYED_PARTITIONINGS: readonly UnkeyedPartitioning[] = ["round-robin", "sticky"];

/**
 * How keyed records pick their partition:
 * - `murmur2`: the Java client's hash (`partitionForKey`), so every client that follows it agrees (default);
 * - `consistent-random`: librdkafka's own default partitioner (CRC32 of the key, random for an empty key), which
 *   C, C++, Python and Go services on librdkafka use unless told otherwise. Only the librdkafka target has it:
 *   it is the interoperability trap of a topic shared by a Java and a librdkafka service.
 */
export type KeyedPartitioning = "murmur2" | "consistent-random";

export const KEYED_PARTITIONINGS: readonly KeyedPartitioning[] = ["murmur2", "consistent-random"];

/** The bytes a sticky producer sends to one partition before it moves on: the Java client's default batch.size. */
export const STICKY_BATCH_BYTES = 16_384;

/** Producer options of both Kafka targets (kafkajs and librdkafka), defined once. */
export interface KafkaProducerOptions {
  /** Default `round-robin`. */
  readonly unkeyedPartitioning?: UnkeyedPartitioning;
  /** Default `murmur2` (where the Java client puts keyed records). */
  readonly keyedPartitioning?: KeyedPartitioning;
  /**
   * The idempotent producer: the broker drops the duplicates the client's own retries would write (producer id
   * and per-partition sequence numbers). It needs acks=all, so such a client publishes at durability
   * `replicated` only (its default) and refuses `none` and `leader`. It does not dedupe a second `publish` of
   * the same record by the application.
   */
  readonly idempotent?: boolean;
}

/** Kafka producer acks per contract durability level. */
export const ACKS: Readonly<Record<DurabilityLevel, number>> = { none: 0, leader: 1, replicated: -1 };

/**
 * Validates options that plain JavaScript callers (or a CLI flag) could get wrong, against the keyed
 * partitionings the client has.
 */
export function checkProducerOptions(
  options: KafkaProducerOptions,
  keyed: readonly KeyedPartitioning[] = ["murmur2"],
): void {
  const unkeyed = options.unkeyedPartitioning;
  if (unkeyed !== undefined && !UNKEYED_PARTITIONINGS.includes(unkeyed)) {
    throw new InvalidArgumentError(
      `unkeyedPartitioning "${String(unkeyed)}" is not one of ${UNKEYED_PARTITIONINGS.join(", ")}`,
    );
  }
  const partitioning = options.keyedPartitioning;
  if (partitioning !== undefined && !keyed.includes(partitioning)) {
    throw new InvalidArgumentError(
      KEYED_PARTITIONINGS.includes(partitioning)
        ? `keyedPartitioning "${partitioning}" is librdkafka's: this client partitions keys as the Java client does (murmur2) only`
        : `keyedPartitioning "${String(partitioning)}" is not one of ${KEYED_PARTITIONINGS.join(", ")}`,
    );
  }
}

/** The durability a publish uses: the requested one, or the producer's default; idempotence allows acks=all only. */
export function publishDurability(
  options: KafkaProducerOptions,
  requested: DurabilityLevel | undefined,
): DurabilityLevel {
  if (!options.idempotent) return requested ?? "leader";
  if (requested !== undefined && requested !== "replicated") {
    throw new InvalidArgumentError(
      `an idempotent Kafka producer publishes with acks=all only: use durability "replicated" (its default), or a client without idempotent for "${requested}"`,
    );
  }
  return "replicated";
}
