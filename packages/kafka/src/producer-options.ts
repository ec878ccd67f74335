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

/** The bytes a sticky producer sends to one partition before it moves on: the Java client's default batch.size. */
export const STICKY_BATCH_BYTES = 16_384;

/** Producer options of both Kafka targets (kafkajs and librdkafka), defined once. */
export interface KafkaProducerOptions {
  /** Default `round-robin`. */
  readonly unkeyedPartitioning?: UnkeyedPartitioning;
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

/** Validates options that plain JavaScript callers (or a CLI flag) could get wrong. */
export function checkProducerOptions(options: KafkaProducerOptions): void {
  const partitioning = options.unkeyedPartitioning;
  if (partitioning !== undefined && !UNKEYED_PARTITIONINGS.includes(partitioning)) {
    throw new InvalidArgumentError(
      `unkeyedPartitioning "${String(partitioning)}" is not one of ${UNKEYED_PARTITIONINGS.join(", ")}`,
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
