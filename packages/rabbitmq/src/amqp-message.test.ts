import { describe, expect, it } from "vitest";
import { publishProperties, recordHeaders, timestampFromAmqp } from "./amqp-message.js";

describe("AMQP message mapping", () => {
  it("puts the key in the x-key header and keeps the producer timestamp", () => {
    const properties = publishProperties(
      { key: "user-1", value: Buffer.from("x"), headers: { n: "1" }, timestamp: 1_700_000_000_123 },
      5,
      true,
    );
    expect(properties).toEqual({
      persistent: true,
      timestamp: 1_700_000_000_123,
      headers: { n: "1", "x-key": "user-1" },
      mandatory: true,
    });
    expect(publishProperties({ key: null, value: Buffer.alloc(0) }, 42, false)).toEqual({
      persistent: true,
      timestamp: 42,
      headers: {},
      mandatory: false,
    });
  });

  it("reads key and headers back, dropping the stream offset and values with no string form", () => {
    expect(
      recordHeaders({
        "x-key": "user-1",
        n: "1",
        "x-stream-offset": 7,
        "x-delivery-count": 2,
        raw: Buffer.from("bytes"),
        "x-death": [{ count: 1 }],
      }),
    ).toEqual({ key: "user-1", headers: { n: "1", "x-delivery-count": "2", raw: "bytes" } });
    expect(recordHeaders(undefined)).toEqual({ key: null, headers: {} });
  });

  it("reads ms timestamps as they are and spec (seconds) timestamps as seconds", () => {
    expect(timestampFromAmqp(1_700_000_000_123, 0)).toBe(1_700_000_000_123);
    expect(timestampFromAmqp(1_700_000_000, 0)).toBe(1_700_000_000_000);
    expect(timestampFromAmqp(undefined, 9)).toBe(9);
  });
});
