import { type TopicOptions, UnsupportedCapabilityError } from "@brokerlab/messaging";
import type { IResourceConfigEntry } from "kafkajs";

/** Topics we create accept records up to this size, so a 1 MiB record plus its framing fits. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Kafka's default segment.ms (7 days). */
const DEFAULT_SEGMENT_MS = 7 * 24 * 60 * 60 * 1000;

/** Topic-level configs for the contract's topic options; refuses what Kafka cannot do. */
export function topicConfigEntries(options: TopicOptions): IResourceConfigEntry[] {
  const retention = options.retention ?? {};
  if (retention.maxCount !== undefined) {
    throw new UnsupportedCapabilityError(
      "kafka",
      "retention by record count",
      "Kafka drops records by age (retention.ms) or size (retention.bytes), never by count",
    );
  }
  if (options.deadLetterTopic !== undefined || options.deliveryLimit !== undefined) {
    throw new UnsupportedCapabilityError(
      "kafka",
      "dead-lettering",
      "Kafka has no dead-letter topic or delivery limit; a consumer must republish failed records itself",
    );
  }
  const entries: IResourceConfigEntry[] = [{ name: "max.message.bytes", value: String(MAX_MESSAGE_BYTES) }];
  if (retention.maxAgeMs !== undefined) {
    entries.push({ name: "retention.ms", value: String(retention.maxAgeMs) });
    // Only closed segments are deleted; rolling at least once per retention period lets old data go on time.
    if (retention.maxAgeMs < DEFAULT_SEGMENT_MS)
      entries.push({ name: "segment.ms", value: String(retention.maxAgeMs) });
  }
  if (retention.maxBytes !== undefined)
    entries.push({ name: "retention.bytes", value: String(retention.maxBytes) });
  if (retention.segmentBytes !== undefined)
    entries.push({ name: "segment.bytes", value: String(retention.segmentBytes) });
  // acks=all ("replicated") only means something with a floor on in-sync replicas.
  if ((options.replicationFactor ?? 1) >= 3) entries.push({ name: "min.insync.replicas", value: "2" });
  return entries;
}
