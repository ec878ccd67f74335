import { describe, expect, it } from "vitest";
import { tail } from "./logs.js";
import { formatStatus } from "./status.js";

describe("formatStatus", () => {
  it("aligns one row per broker under a header", () => {
    const text = formatStatus([
      {
        broker: "kafka",
        address: "127.0.0.1:9092",
        version: "3.9.1",
        health: "healthy",
        managedBy: "brokerlab native",
        brokers: 3,
      },
      { broker: "redis", address: "127.0.0.1:6379", health: "down", note: "connect ECONNREFUSED" },
    ]);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^broker\s+address\s+version\s+health\s+managed by\s+notes$/);
    expect(lines[2]).toMatch(
      /^kafka \(3 brokers\)\s+127\.0\.0\.1:9092\s+3\.9\.1\s+healthy\s+brokerlab native$/,
    );
    expect(lines[3]).toMatch(/^redis\s+127\.0\.0\.1:6379\s+-\s+down\s+-\s+connect ECONNREFUSED$/);
    expect(lines[2]?.indexOf("127.0.0.1")).toBe(lines[3]?.indexOf("127.0.0.1"));
  });
});

describe("tail", () => {
  it("keeps the last lines", () => {
    expect(tail("a\nb\nc\n", 2)).toBe("b\nc");
    expect(tail("a\nb", 5)).toBe("a\nb");
  });
});
