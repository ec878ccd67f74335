import { UnsupportedCapabilityError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_BYTES, topicConfigEntries } from "./topic-configs.js";

const asMap = (entries: { name: string; value: string }[]) =>
  Object.fromEntries(entries.map((e) => [e.name, e.value]));

describe("topicConfigEntries", () => {
  it("only raises the record size limit for a plain topic", () => {
    expect(asMap(topicConfigEntries({}))).toEqual({ "max.message.bytes": String(MAX_MESSAGE_BYTES) });
  });

  it("maps retention to retention.ms, retention.bytes, segment.bytes and a matching segment.ms", () => {
    const configs = asMap(
      topicConfigEntries({ retention: { maxAgeMs: 5000, maxBytes: 1_000_000, segmentBytes: 100_000 } }),
    );
    expect(configs).toMatchObject({
      "retention.ms": "5000",
      "segment.ms": "5000",
      "retention.bytes": "1000000",
      "segment.bytes": "100000",
    });
  });

  it("keeps Kafka's segment.ms for long retention and sets min.insync.replicas for three replicas", () => {
    const configs = asMap(
      topicConfigEntries({ replicationFactor: 3, retention: { maxAgeMs: 30 * 86_400_000 } }),
    );
    expect(configs["segment.ms"]).toBeUndefined();
    expect(configs["min.insync.replicas"]).toBe("2");
  });

  it("refuses count retention and dead-lettering with the typed error", () => {
    expect(() => topicConfigEntries({ retention: { maxCount: 10 } })).toThrow(UnsupportedCapabilityError);
    expect(() => topicConfigEntries({ deadLetterTopic: "dlq" })).toThrow(
      /kafka does not support dead-lettering/,
    );
  });
});
