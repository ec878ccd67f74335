import { describe, expect, it } from "vitest";
import { decodeOffsetsTopicRecord, OffsetsTopicDecodeError } from "./offsets-topic-codec.js";

function int16(n: number) {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
}
function int32(n: number) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
function int64(n: number) {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
}
function str(s: string) {
  return Buffer.concat([int16(Buffer.byteLength(s)), Buffer.from(s)]);
}
const key = (version: number) => Buffer.concat([int16(version), str("g1"), str("orders"), int32(3)]);

describe("__consumer_offsets records", () => {
  it("decodes a v1 key with a v3 value (what Kafka 3.x writes)", () => {
    const value = Buffer.concat([int16(3), int64(42), int32(7), str("meta"), int64(1_700_000_000_123)]);
    expect(decodeOffsetsTopicRecord(key(1), value)).toEqual({
      type: "commit",
      group: "g1",
      topic: "orders",
      partition: 3,
      offset: 42,
      commitTimestamp: 1_700_000_000_123,
    });
  });

  it("decodes v0, v1 and v2 values (no leader epoch)", () => {
    for (const version of [0, 1, 2]) {
      const tail = version === 1 ? [int64(99)] : [];
      const value = Buffer.concat([int16(version), int64(5), str(""), int64(1000), ...tail]);
      expect(decodeOffsetsTopicRecord(key(0), value)).toMatchObject({ offset: 5, commitTimestamp: 1000 });
    }
  });

  it("decodes a v4 value with a compact (varint length) metadata string", () => {
    const meta = "x".repeat(200);
    // 201 as an unsigned varint: 0xc9 0x01.
    const value = Buffer.concat([
      int16(4),
      int64(8),
      int32(1),
      Buffer.from([0xc9, 0x01]),
      Buffer.from(meta),
      int64(77),
      Buffer.from([0]),
    ]);
    expect(decodeOffsetsTopicRecord(key(1), value)).toMatchObject({ offset: 8, commitTimestamp: 77 });
  });

  it("a tombstone is a deleted offset; group metadata keys are ignored", () => {
    expect(decodeOffsetsTopicRecord(key(1), null)).toEqual({
      type: "deleted",
      group: "g1",
      topic: "orders",
      partition: 3,
    });
    expect(decodeOffsetsTopicRecord(Buffer.concat([int16(2), str("g1")]), Buffer.from([0, 3]))).toEqual({
      type: "other",
    });
  });

  it("a truncated value is a decode error, not a wrong number", () => {
    expect(() => decodeOffsetsTopicRecord(key(1), Buffer.concat([int16(3), int64(1)]))).toThrow(
      OffsetsTopicDecodeError,
    );
  });
});
