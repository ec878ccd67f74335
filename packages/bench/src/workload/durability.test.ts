import { UnsupportedCapabilityError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { durabilityFor } from "./durability.js";

describe("durabilityFor", () => {
  it("uses the per-target choice, then the default, then leader where declared", () => {
    const all = ["none", "leader", "replicated"] as const;
    expect(durabilityFor({ default: "none", kafka: "replicated" }, "kafka", all)).toBe("replicated");
    expect(durabilityFor({ default: "none" }, "kafka", all)).toBe("none");
    expect(durabilityFor({}, "kafka", all)).toBe("leader");
    expect(durabilityFor({}, "rabbitmq-quorum", ["none", "replicated"])).toBe("replicated");
  });

  it("refuses a level the target does not declare, naming what it offers", () => {
    expect(() => durabilityFor({ default: "leader" }, "rabbitmq-quorum", ["replicated"])).toThrow(
      UnsupportedCapabilityError,
    );
    expect(() => durabilityFor({ "redis-list": "replicated" }, "redis-list", ["none", "leader"])).toThrow(
      'redis-list does not support durability "replicated": it offers none, leader',
    );
  });
});
