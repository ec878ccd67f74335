import { describe, expect, it } from "vitest";
import { decodeErrorMessage, encodeRequest } from "./refusal-text.js";

describe("CreatePartitions wire format", () => {
  it("encodes a validate-only v1 request with its size prefix", () => {
    const request = encodeRequest("t1", 3, 1000);
    expect(request.readInt32BE(0)).toBe(request.length - 4);
    expect(request.readInt16BE(4)).toBe(37);
    expect(request.readInt16BE(6)).toBe(1);
    expect(request.readInt8(request.length - 1)).toBe(1);
    expect(request.subarray(-15, -13).toString()).toBe("t1");
  });

  it("reads the broker's error message for the topic", () => {
    const text = Buffer.from("Topic currently has 6 partitions, which is higher than the requested 3.");
    const name = Buffer.from("t1");
    const body = Buffer.alloc(4 + 4 + 4 + 2 + name.length + 2 + 2 + text.length);
    let at = body.writeInt32BE(1, 0);
    at = body.writeInt32BE(0, at);
    at = body.writeInt32BE(1, at);
    at = body.writeInt16BE(name.length, at);
    at += name.copy(body, at);
    at = body.writeInt16BE(37, at);
    at = body.writeInt16BE(text.length, at);
    text.copy(body, at);
    expect(decodeErrorMessage(body, "t1")).toBe(text.toString());
    expect(decodeErrorMessage(body, "other")).toBeUndefined();
  });
});
