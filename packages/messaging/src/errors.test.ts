import { describe, expect, it } from "vitest";
import type { Capabilities } from "./capabilities.js";
import { ConnectionError, isBrokerlabError, UnsupportedCapabilityError } from "./errors.js";
import { requireStartPosition } from "./require-capability.js";

const queueLike: Capabilities = {
  retainsAfterAck: false,
  replayFromPosition: false,
  replayFromTimestamp: false,
  consumerGroups: false,
  competingConsumers: true,
  ordering: "queue",
  redeliversUnacked: true,
  partitions: false,
  retention: ["time"],
  durability: ["none", "leader"],
  deadLettering: true,
  startPositions: ["committed"],
};

describe("errors", () => {
  it("carry stable codes and name what is wrong", () => {
    const error = new ConnectionError("127.0.0.1:9092", "is Kafka running? try `pnpm brokers up`");
    expect(error.code).toBe("BROKERLAB_CONNECTION_FAILED");
    expect(error.message).toContain("127.0.0.1:9092");
    expect(isBrokerlabError(error)).toBe(true);
    expect(isBrokerlabError(new Error("x"))).toBe(false);
  });

  it("refuse an undeclared start position with the target and the reason", () => {
    const declared = { target: "rabbitmq-queue" as const, capabilities: queueLike };
    expect(() =>
      requireStartPosition(declared, { kind: "earliest" }, "a classic queue deletes on ack"),
    ).toThrow(UnsupportedCapabilityError);
    try {
      requireStartPosition(declared, { kind: "earliest" }, "a classic queue deletes on ack");
    } catch (error) {
      expect((error as UnsupportedCapabilityError).code).toBe("BROKERLAB_UNSUPPORTED_CAPABILITY");
      expect((error as Error).message).toBe(
        'rabbitmq-queue does not support start position "earliest": a classic queue deletes on ack',
      );
    }
    expect(() => requireStartPosition(declared, { kind: "committed" }, "")).not.toThrow();
  });
});
