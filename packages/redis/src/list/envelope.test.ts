import { describe, expect, it } from "vitest";
import { decodeItem, encodeBody, encodeItem } from "./envelope.js";

describe("list item envelope", () => {
  it("round-trips key, headers, timestamp and every byte value exactly", () => {
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const body = encodeBody(
      { key: "user-1", value, headers: { "content-type": "x/y", n: "line\nbreak" } },
      1234,
    );
    const item = decodeItem(encodeItem("42", body));
    expect(item).toEqual({
      id: "42",
      key: "user-1",
      headers: { "content-type": "x/y", n: "line\nbreak" },
      timestamp: 1234,
      value,
    });
  });

  it("keeps a null key, an empty value and the producer's timestamp", () => {
    const item = decodeItem(encodeItem("7", encodeBody({ value: new Uint8Array(), timestamp: 99 }, 1)));
    expect(item.key).toBeNull();
    expect(item.value.length).toBe(0);
    expect(item.timestamp).toBe(99);
    expect(item.headers).toEqual({});
  });

  it("starts with the id so Lua can read it", () => {
    const item = encodeItem("1001", encodeBody({ value: Buffer.from("v") }, 1));
    expect(/^(\d+)\n/.exec(item.toString())?.[1]).toBe("1001");
  });

  it("rejects foreign list items", () => {
    expect(() => decodeItem(Buffer.from("hello"))).toThrow(/not a brokerlab/);
    expect(() => decodeItem(Buffer.from("x\n{}\nv"))).toThrow(/not a brokerlab/);
  });
});
