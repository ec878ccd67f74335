import { describe, expect, it } from "vitest";
import { infoField } from "./redis-memory.js";

describe("infoField", () => {
  const info = "# Memory\r\nused_memory:1048576\r\nused_memory_human:1.00M\r\nused_memory_rss:2097152\r\n";

  it("reads a numeric field, not one that merely starts with its name", () => {
    expect(infoField(info, "used_memory")).toBe(1048576);
    expect(infoField(info, "used_memory_rss")).toBe(2097152);
  });

  it("is undefined for a missing or non-numeric field", () => {
    expect(infoField(info, "maxmemory")).toBeUndefined();
    expect(infoField(info, "used_memory_human")).toBeUndefined();
  });
});
