import { describe, expect, it } from "vitest";
import type { Capabilities } from "./capabilities.js";
import {
  ClosedError,
  ConnectionError,
  isBrokerlabError,
  NotFoundError,
  PublishRejectedError,
  UnsupportedCapabilityError,
} from "./errors.js";
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

describe("contract errors", () => {
  it("give each situation its own stable code", () => {
    const missing = new NotFoundError("orders", "127.0.0.1:5672");
    expect(missing.code).toBe("BROKERLAB_NOT_FOUND");
    expect(missing.message).toBe(
      'topic "orders" does not exist at 127.0.0.1:5672; create it with createTopic',
    );
    expect(missing.topic).toBe("orders");
    const closed = new ClosedError("redis-list", "127.0.0.1:6379");
    expect(closed.code).toBe("BROKERLAB_CLOSED");
    expect(closed.message).toBe("the redis-list client for 127.0.0.1:6379 is closed; create a new client");
    const rejected = new PublishRejectedError("orders", "basic.nack");
    expect(rejected.code).toBe("BROKERLAB_REJECTED");
    expect(rejected.name).toBe("PublishRejectedError");
    expect(rejected.message).toBe('the broker refused records published to "orders": basic.nack');
  });
});
