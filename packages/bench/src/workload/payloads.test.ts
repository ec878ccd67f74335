import { describe, expect, it } from "vitest";
import { createPayloads } from "./payloads.js";

const options = {
  messageSize: 100,
  useRandomizedPayloads: false,
  randomBytesRatio: 0.5,
  randomizedPayloadPoolSize: 3,
};

describe("createPayloads", () => {
  it("sends the payload file's bytes when given", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const payloads = createPayloads({ ...options, fileBytes: bytes });
    expect(payloads.size).toBe(3);
    expect(payloads.next()).toBe(bytes);
  });

  it("makes a fixed payload of messageSize otherwise", () => {
    expect(createPayloads(options).next()).toHaveLength(100);
  });

  it("cycles a pool of partly random payloads", () => {
    const payloads = createPayloads({ ...options, useRandomizedPayloads: true });
    const [a, b, c, d] = [payloads.next(), payloads.next(), payloads.next(), payloads.next()];
    expect(d).toBe(a);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(c).toHaveLength(100);
    expect(a.subarray(50).every((byte) => byte === 0)).toBe(true);
  });
});
