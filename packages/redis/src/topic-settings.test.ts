import { InvalidArgumentError, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { settingsFromHash, settingsToHash, topicSettingsFor } from "./topic-settings.js";

describe("topicSettingsFor", () => {
  it("keeps what each target does and ignores segment sizes", () => {
    expect(topicSettingsFor("redis-list", { retention: { maxCount: 5, segmentBytes: 4096 } })).toEqual({
      maxCount: 5,
    });
    expect(
      topicSettingsFor("redis-stream", { partitions: 1, retention: { maxAgeMs: 1000, maxCount: 9 } }),
    ).toEqual({
      maxAgeMs: 1000,
      maxCount: 9,
    });
    expect(topicSettingsFor("bullmq", { deliveryLimit: 3, retention: { maxAgeMs: 60_000 } })).toEqual({
      deliveryLimit: 3,
      maxAgeMs: 60_000,
    });
  });

  it("refuses what the target does not declare with the typed error", () => {
    expect(() => topicSettingsFor("redis-list", { partitions: 3 })).toThrow(UnsupportedCapabilityError);
    expect(() => topicSettingsFor("redis-list", { retention: { maxAgeMs: 10 } })).toThrow(
      /retention by time/,
    );
    expect(() => topicSettingsFor("redis-stream", { retention: { maxBytes: 10 } })).toThrow(
      /retention by size/,
    );
    expect(() => topicSettingsFor("bullmq", { deadLetterTopic: "dlq" })).toThrow(/failed set/);
    expect(() => topicSettingsFor("redis-stream", { deliveryLimit: 2 })).toThrow(UnsupportedCapabilityError);
    expect(() => topicSettingsFor("redis-stream", { replicationFactor: 3 })).toThrow(
      UnsupportedCapabilityError,
    );
    expect(() => topicSettingsFor("redis-list", { retention: { maxCount: 0 } })).toThrow(
      InvalidArgumentError,
    );
  });

  it("round-trips through the meta hash", () => {
    const settings = { maxCount: 5, maxAgeMs: 1000, deliveryLimit: 2 };
    expect(settingsFromHash(settingsToHash(settings))).toEqual(settings);
    expect(settingsFromHash({})).toEqual({});
  });
});
