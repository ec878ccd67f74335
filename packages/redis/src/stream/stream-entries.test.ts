import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import {
  autoClaimParts,
  flatToObject,
  parseEntries,
  parseRead,
  streamIdBefore,
  streamIdOf,
  xaddArguments,
} from "./stream-entries.js";

/** The field/value part of the XADD arguments, as Redis replies with it. */
const asReply = (args: (string | Buffer)[]) =>
  args.slice(2).map((field) => (Buffer.isBuffer(field) ? field : Buffer.from(field)));

describe("stream entries", () => {
  it("writes fields that parse back to the same record, binary intact", () => {
    const value = Buffer.from([0, 255, 10, 13, 0x80]);
    const fields = xaddArguments("s", { key: "k1", value, headers: { a: "b" }, timestamp: 5 });
    const [entry] = parseRead([[Buffer.from("s"), [[Buffer.from("1700000000123-4"), asReply(fields)]]]]);
    expect(entry).toEqual({
      id: "1700000000123-4",
      key: "k1",
      headers: { a: "b" },
      value,
      timestamp: 1700000000123,
    });
  });

  it("sends only the bytes of a value that is a view into a larger buffer, without copying them", () => {
    const backing = Buffer.from("xxhelloyy");
    const args = xaddArguments("s", { value: new Uint8Array(backing.buffer, backing.byteOffset + 2, 5) });
    const value = args[args.indexOf("v") + 1] as Buffer;
    expect(value.toString()).toBe("hello");
    expect(value.buffer).toBe(backing.buffer);
  });

  it("omits a null key and empty headers, and reads them back as null and {}", () => {
    const fields = xaddArguments("s", { key: null, value: Buffer.from("x") });
    expect(fields.filter((field) => typeof field === "string" && (field === "k" || field === "h"))).toEqual(
      [],
    );
    const claimed = autoClaimParts([Buffer.from("0-0"), [[Buffer.from("5-0"), asReply(fields)]], []]);
    expect(claimed.cursor).toBe("0-0");
    const entries = parseEntries(claimed.entries);
    expect(entries[0]?.key).toBeNull();
    expect(entries[0]?.headers).toEqual({});
  });

  it("skips deleted entries and reads a timed-out block as nothing", () => {
    expect(parseRead(null)).toEqual([]);
    expect(parseRead([[Buffer.from("s"), [[Buffer.from("1-0"), null]]]])).toEqual([]);
  });

  it("finds the id just before a position, across the sequence boundary", () => {
    expect(streamIdBefore("1700000000000-5")).toBe("1700000000000-4");
    expect(streamIdBefore("1700000000000-0")).toBe("1699999999999-18446744073709551615");
    expect(streamIdBefore("0-0")).toBe("0-0");
  });

  it("accepts only partition 0 and a stream id as a position", () => {
    expect(streamIdOf({ partition: 0, offset: "17-3" })).toBe("17-3");
    expect(streamIdOf({ partition: 0, offset: "17" })).toBe("17-0");
    expect(() => streamIdOf({ partition: 2, offset: "17-3" })).toThrow(InvalidArgumentError);
    expect(() => streamIdOf({ partition: 0, offset: "abc" })).toThrow(InvalidArgumentError);
  });

  it("turns flat XINFO replies into objects", () => {
    expect(flatToObject(["name", "g", "lag", 3, "pending", 1])).toEqual({ name: "g", lag: 3, pending: 1 });
  });
});
