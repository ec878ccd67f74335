import { InvalidArgumentError, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { queueArguments, targetForQueueType } from "./queue-arguments.js";

describe("queueArguments", () => {
  it("declares the queue type of each target", () => {
    expect(queueArguments("rabbitmq-queue")).toEqual({ "x-queue-type": "classic" });
    expect(queueArguments("rabbitmq-quorum", { partitions: 1 })).toEqual({ "x-queue-type": "quorum" });
    expect(queueArguments("rabbitmq-stream")).toEqual({ "x-queue-type": "stream" });
  });

  it("maps retention, dead-lettering and the delivery limit of a quorum queue", () => {
    expect(
      queueArguments("rabbitmq-quorum", {
        replicationFactor: 3,
        retention: { maxAgeMs: 60_000, maxCount: 100, maxBytes: 4096, segmentBytes: 1024 },
        deadLetterTopic: "orders-dlq",
        deliveryLimit: 3,
      }),
    ).toEqual({
      "x-queue-type": "quorum",
      "x-quorum-initial-group-size": 3,
      "x-message-ttl": 60_000,
      "x-max-length": 100,
      "x-max-length-bytes": 4096,
      "x-dead-letter-exchange": "",
      "x-dead-letter-routing-key": "orders-dlq",
      "x-delivery-limit": 2,
    });
  });

  it("maps stream retention to age (rounded up to seconds), size and segment size", () => {
    expect(
      queueArguments("rabbitmq-stream", {
        replicationFactor: 1,
        retention: { maxAgeMs: 1_500, maxBytes: 4096, segmentBytes: 2048 },
      }),
    ).toEqual({
      "x-queue-type": "stream",
      "x-initial-cluster-size": 1,
      "x-max-age": "2s",
      "x-max-length-bytes": 4096,
      "x-stream-max-segment-size-bytes": 2048,
    });
  });

  it("refuses what a queue type does not have with the typed error", () => {
    expect(() => queueArguments("rabbitmq-queue", { partitions: 3 })).toThrow(UnsupportedCapabilityError);
    expect(() => queueArguments("rabbitmq-queue", { replicationFactor: 3 })).toThrow(
      UnsupportedCapabilityError,
    );
    expect(() => queueArguments("rabbitmq-queue", { deliveryLimit: 3 })).toThrow(UnsupportedCapabilityError);
    expect(() => queueArguments("rabbitmq-stream", { retention: { maxCount: 5 } })).toThrow(
      UnsupportedCapabilityError,
    );
    expect(() => queueArguments("rabbitmq-stream", { deadLetterTopic: "dlq" })).toThrow(
      UnsupportedCapabilityError,
    );
    expect(() => queueArguments("rabbitmq-stream", { deliveryLimit: 2 })).toThrow(/never redelivers/);
  });

  it("names a bad number in one line", () => {
    expect(() => queueArguments("rabbitmq-queue", { retention: { maxAgeMs: -1 } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => queueArguments("rabbitmq-quorum", { deliveryLimit: 0.5 })).toThrow(
      "deliveryLimit must be a positive whole number (got 0.5)",
    );
  });
});

describe("targetForQueueType", () => {
  it("maps the management API's queue type back to the target", () => {
    expect(targetForQueueType("classic")).toBe("rabbitmq-queue");
    expect(targetForQueueType("quorum")).toBe("rabbitmq-quorum");
    expect(targetForQueueType("stream")).toBe("rabbitmq-stream");
    expect(targetForQueueType("mqtt_qos0")).toBeUndefined();
  });
});
