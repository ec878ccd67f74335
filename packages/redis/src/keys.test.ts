import { describe, expect, it } from "vitest";
import { recogniseKey, topicKeys } from "./keys.js";

describe("recogniseKey", () => {
  it("recognises the keys topicKeys builds, by target", () => {
    const keys = topicKeys("brokerlab", "orders");
    expect(recogniseKey("brokerlab", keys.stream)).toEqual({
      target: "redis-stream",
      topic: "orders",
      role: "stream",
    });
    expect(recogniseKey("brokerlab", keys.queue)).toEqual({
      target: "redis-list",
      topic: "orders",
      role: "queue",
    });
    expect(recogniseKey("brokerlab", keys.processing("c1"))?.target).toBe("redis-list");
    // The meta hash exists for every target: it does not say which one.
    expect(recogniseKey("brokerlab", keys.meta)).toBeUndefined();
  });

  it("recognises BullMQ's keys and ignores other prefixes", () => {
    expect(recogniseKey("brokerlab", "brokerlab:jobs:wait")).toEqual({
      target: "bullmq",
      topic: "jobs",
      role: "wait",
    });
    expect(recogniseKey("brokerlab", "brokerlab:jobs:42")).toBeUndefined();
    expect(recogniseKey("brokerlab", "other:{x}:stream")).toBeUndefined();
  });
});
