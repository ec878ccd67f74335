/**
 * How sure the broker must be of a record before `publish` resolves.
 * - `none`: fire and forget (Kafka acks=0, AMQP without confirms, Redis without WAIT).
 * - `leader`: one node has it (Kafka acks=1, publisher confirm from a classic queue, Redis reply).
 * - `replicated`: a quorum of replicas has it (Kafka acks=all with min.insync.replicas, quorum/stream
 *   queue confirms, Redis WAIT for replicas).
 * A target lists the levels it has in its capabilities; asking for another one throws.
 */
export type DurabilityLevel = "none" | "leader" | "replicated";

export const DURABILITY_LEVELS: readonly DurabilityLevel[] = ["none", "leader", "replicated"];
