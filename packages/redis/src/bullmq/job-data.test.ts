import { describe, expect, it } from "vitest";
import { decodeJobData, encodeJobData, jobOptions, UNLIMITED_ATTEMPTS } from "./job-data.js";

describe("BullMQ job data", () => {
  it("round-trips key, headers and every byte of the value through JSON", () => {
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const data = JSON.parse(JSON.stringify(encodeJobData({ key: "k", value, headers: { a: "b" } }, 5)));
    expect(decodeJobData(data)).toEqual({ key: "k", headers: { a: "b" }, value });
    expect(data.ts).toBe(5);
    expect(decodeJobData(encodeJobData({ value: Buffer.alloc(0) }, 1)).key).toBeNull();
  });

  it("encodes only the bytes of a value that is a view into a larger buffer", () => {
    const backing = Buffer.from("xxhelloyy");
    const data = encodeJobData({ value: new Uint8Array(backing.buffer, backing.byteOffset + 2, 5) }, 1);
    expect(decodeJobData(data).value.toString()).toBe("hello");
  });

  it("maps deliveryLimit to attempts and retention to removeOnComplete/removeOnFail", () => {
    expect(jobOptions({})).toEqual({ attempts: UNLIMITED_ATTEMPTS });
    expect(jobOptions({ deliveryLimit: 3, maxCount: 10, maxAgeMs: 1500 })).toEqual({
      attempts: 3,
      removeOnComplete: { count: 10, age: 2 },
      removeOnFail: { count: 10, age: 2 },
    });
    expect(jobOptions({ maxAgeMs: 60_000 })).toMatchObject({ removeOnComplete: { age: 60 } });
  });
});
