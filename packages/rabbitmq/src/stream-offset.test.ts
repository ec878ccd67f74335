import { InvalidArgumentError, StartAt } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { streamOffsetArgument } from "./stream-offset.js";

describe("streamOffsetArgument", () => {
  it("maps start positions onto x-stream-offset", () => {
    expect(streamOffsetArgument(StartAt.earliest)).toBe("first");
    expect(streamOffsetArgument(StartAt.latest)).toBe("next");
    expect(streamOffsetArgument(StartAt.position({ partition: 0, offset: "42" }))).toEqual({
      "!": "long",
      value: 42,
    });
    expect(streamOffsetArgument(StartAt.timestamp(1_700_000_000_999))).toEqual({
      "!": "timestamp",
      value: 1_699_999_940,
    });
  });

  it("rejects an offset that is not a number", () => {
    expect(() => streamOffsetArgument(StartAt.position({ partition: 0, offset: "1700-1" }))).toThrow(
      InvalidArgumentError,
    );
  });
});
