import { describe, expect, it } from "vitest";
import { formatPosition, parsePosition } from "./position.js";

describe("position", () => {
  it("prints partition/offset and parses it back", () => {
    const position = { partition: 3, offset: "42" };
    expect(formatPosition(position)).toBe("3/42");
    expect(parsePosition(formatPosition(position))).toEqual(position);
  });

  it("parses a bare offset as partition 0 and keeps Redis stream ids whole", () => {
    expect(parsePosition("100")).toEqual({ partition: 0, offset: "100" });
    expect(parsePosition("1700000000000-5")).toEqual({ partition: 0, offset: "1700000000000-5" });
  });

  it("rejects text that is not a position", () => {
    expect(parsePosition("abc")).toBeUndefined();
    expect(parsePosition("1/2/3")).toBeUndefined();
  });
});
