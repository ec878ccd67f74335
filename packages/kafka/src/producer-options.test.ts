import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { checkProducerOptions, publishDurability } from "./producer-options.js";

describe("producer options", () => {
  it("publishes at leader by default and at the level asked", () => {
    expect(publishDurability({}, undefined)).toBe("leader");
    expect(publishDurability({ idempotent: false }, "none")).toBe("none");
  });

  it("an idempotent producer publishes at replicated, and refuses the levels below acks=all", () => {
    expect(publishDurability({ idempotent: true }, undefined)).toBe("replicated");
    expect(publishDurability({ idempotent: true }, "replicated")).toBe("replicated");
    expect(() => publishDurability({ idempotent: true }, "leader")).toThrow(InvalidArgumentError);
    expect(() => publishDurability({ idempotent: true }, "none")).toThrow(/acks=all only/);
  });

  it("names the partitionings when given an unknown one", () => {
    expect(() => checkProducerOptions({ unkeyedPartitioning: "sticky" })).not.toThrow();
    expect(() => checkProducerOptions(JSON.parse('{"unkeyedPartitioning":"random"}'))).toThrow(
      /"random" is not one of round-robin, sticky/,
    );
  });
});

describe("keyed partitioning", () => {
  it("is murmur2 unless the client has librdkafka's consistent-random and it is asked for", () => {
    expect(() => checkProducerOptions({ keyedPartitioning: "murmur2" })).not.toThrow();
    expect(() => checkProducerOptions({ keyedPartitioning: "consistent-random" })).toThrow(
      /is librdkafka's: this client partitions keys as the Java client does/,
    );
    expect(() =>
      checkProducerOptions({ keyedPartitioning: "consistent-random" }, ["murmur2", "consistent-random"]),
    ).not.toThrow();
    expect(() => checkProducerOptions(JSON.parse('{"keyedPartitioning":"fnv1a"}'))).toThrow(
      /"fnv1a" is not one of murmur2, consistent-random/,
    );
  });
});
