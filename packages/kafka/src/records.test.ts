import { describe, expect, it } from "vitest";
import { chunkByBytes, headersToStrings, receiptsFor, toKafkaMessage } from "./records.js";

describe("records", () => {
  it("turns a contract record into a kafkajs message without copying the value", () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    const message = toKafkaMessage({
      key: null,
      value: bytes.subarray(1, 4),
      headers: { a: "b" },
      timestamp: 1700000000000,
    });
    expect(message.key).toBeNull();
    expect([...(message.value as Buffer)]).toEqual([1, 2, 255]);
    expect((message.value as Buffer).buffer).toBe(bytes.buffer);
    expect(message.headers).toEqual({ a: "b" });
    expect(message.timestamp).toBe("1700000000000");
    expect(toKafkaMessage({ value: bytes })).toEqual({ key: null, value: Buffer.from(bytes) });
  });

  it("decodes headers to strings, keeping the last of repeated values", () => {
    expect(
      headersToStrings({ a: Buffer.from("x"), b: [Buffer.from("1"), Buffer.from("2")], c: undefined }),
    ).toEqual({
      a: "x",
      b: "2",
    });
    expect(headersToStrings(undefined)).toEqual({});
  });

  it("decodes librdkafka's list of single-header objects the same way", () => {
    expect(headersToStrings([{ a: Buffer.from("x") }, { b: Buffer.from("1") }, { b: "2" }])).toEqual({
      a: "x",
      b: "2",
    });
  });

  it("numbers receipts per partition from the broker's base offsets, in publish order", () => {
    const metadata = [
      { topicName: "t", partition: 0, errorCode: 0, baseOffset: "10" },
      { topicName: "t", partition: 2, errorCode: 0, baseOffset: "7" },
    ];
    expect(receiptsFor([0, 2, 0, 2, 0], metadata)).toEqual([
      { position: { partition: 0, offset: "10" } },
      { position: { partition: 2, offset: "7" } },
      { position: { partition: 0, offset: "11" } },
      { position: { partition: 2, offset: "8" } },
      { position: { partition: 0, offset: "12" } },
    ]);
  });

  it("counts offsets exactly past 2^53", () => {
    const metadata = [{ topicName: "t", partition: 0, errorCode: 0, baseOffset: "9007199254740991" }];
    expect(receiptsFor([0, 0], metadata)).toEqual([
      { position: { partition: 0, offset: "9007199254740991" } },
      { position: { partition: 0, offset: "9007199254740992" } },
    ]);
  });

  it("gives receipts without positions when the broker said nothing (acks 0)", () => {
    expect(receiptsFor([0, 1], [])).toEqual([{}, {}]);
  });

  it("chunks by size and keeps order", () => {
    const record = (n: number) => ({ key: String(n), value: new Uint8Array(400) });
    const chunks = chunkByBytes([1, 2, 3, 4, 5].map(record), 1000);
    expect(chunks.map((chunk) => chunk.map((r) => r.key))).toEqual([["1", "2"], ["3", "4"], ["5"]]);
    expect(chunkByBytes([{ value: new Uint8Array(5000) }], 1000)).toHaveLength(1);
    expect(chunkByBytes([], 1000)).toEqual([]);
  });
});
