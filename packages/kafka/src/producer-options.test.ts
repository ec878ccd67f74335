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
