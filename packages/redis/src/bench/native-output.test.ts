import { describe, expect, it } from "vitest";
import { parseRedisBenchmark } from "./native-output.js";

describe("redis-benchmark output", () => {
  it("reads redis-benchmark's requests per second", () => {
    expect(parseRedisBenchmark("LPUSH bl-x xxxx: 312500.00 requests per second, p50=0.711 msec")).toBe(
      312500,
    );
    expect(parseRedisBenchmark("no summary")).toBeUndefined();
  });
});
