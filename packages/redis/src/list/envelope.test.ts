import type { MessageRecord } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { decodeItem, encodeItems, itemId } from "./envelope.js";

const PREFIX = "0123456789abcdef";

function encodeItem(number: number, record: MessageRecord, now: number): Buffer {
  const [item] = encodeItems(PREFIX, number, [record], now);
  if (item === undefined) throw new Error("no item");
  return item;
}

describe("list item envelope", () => {
  it("round-trips key, headers, timestamp and every byte value exactly", () => {
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const item = decodeItem(
      encodeItem(42, { key: "user-1", value, headers: { "content-type": "x/y", n: "line\nbreak" } }, 1234),
    );
    expect(item).toEqual({
      id: `${PREFIX}-42`,
      key: "user-1",
      headers: { "content-type": "x/y", n: "line\nbreak" },
      timestamp: 1234,
      value,
    });
  });

  it("keeps a null key, an empty value and the producer's timestamp", () => {
    const item = decodeItem(encodeItem(7, { value: new Uint8Array(), timestamp: 99 }, 1));
    expect(item.key).toBeNull();
    expect(item.value.length).toBe(0);
    expect(item.timestamp).toBe(99);
    expect(item.headers).toEqual({});
  });

  it("starts with the id so Lua can read it, and still reads the numeric ids of older items", () => {
    const item = encodeItem(1001, { value: Buffer.from("v") }, 1);
    expect(/^([\w-]+)\n/.exec(item.toString())?.[1]).toBe(`${PREFIX}-1001`);
    expect(itemId(item)).toBe(`${PREFIX}-1001`);
    expect(decodeItem(Buffer.from('17\n{"k":null,"h":{},"ts":3}\nv')).id).toBe("17");
  });

  it("copies a value given as a view into a larger buffer, and only its bytes", () => {
    const backing = Buffer.from("xxhelloyy");
    const item = decodeItem(encodeItem(1, { value: backing.subarray(2, 7) }, 1));
    expect(item.value.toString()).toBe("hello");
  });

  it("numbers the items of one call in order, each holding only its own bytes", () => {
    const items = encodeItems(
      PREFIX,
      5,
      [{ value: Buffer.from("a") }, { key: "ключ", value: Buffer.from("bb"), headers: { h: "é" } }],
      1,
    ).map(decodeItem);
    expect(items.map((item) => [item.id, item.key, item.headers, item.value.toString()])).toEqual([
      [`${PREFIX}-5`, null, {}, "a"],
      [`${PREFIX}-6`, "ключ", { h: "é" }, "bb"],
    ]);
  });

  it("rejects foreign list items", () => {
    expect(() => decodeItem(Buffer.from("hello"))).toThrow(/not a brokerlab/);
    expect(() => decodeItem(Buffer.from("x\n{}\nv"))).toThrow(/not a brokerlab/);
    expect(itemId(Buffer.from("hello"))).toBeUndefined();
  });
});
