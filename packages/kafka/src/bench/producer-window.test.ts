import { describe, expect, it } from "vitest";
import { producerBufferBytes } from "./producer-window.js";

describe("ProducerPerformance's buffer.memory", () => {
  it("holds the Node loops' window: records per call × calls in flight, each with the Java record overhead", () => {
    expect(producerBufferBytes({ batchSize: 100, maxInflight: 32, messageSize: 1024 })).toBe(3_686_400);
    expect(producerBufferBytes({ batchSize: 100, maxInflight: 8, messageSize: 1024 })).toBe(921_600);
  });

  it("is never smaller than one Java batch", () => {
    expect(producerBufferBytes({ batchSize: 1, maxInflight: 1, messageSize: 10 })).toBe(16_384);
  });
});
