import { describe, expect, it } from "vitest";
import { newRunId } from "./run-id.js";

describe("newRunId", () => {
  it("is the UTC time to the second and four hex digits, sortable", () => {
    expect(newRunId(new Date("2026-12-01T20:33:22.123Z"))).toMatch(/^20261201-203322-[0-9a-f]{4}$/);
    expect(newRunId(new Date("2026-12-01T20:33:22Z")) < newRunId(new Date("2026-12-01T20:33:23Z"))).toBe(
      true,
    );
  });
});
