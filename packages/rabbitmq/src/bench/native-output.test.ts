import { describe, expect, it } from "vitest";
import { parsePerfTest } from "./native-output.js";

describe("PerfTest output", () => {
  it("reads PerfTest's average sending rate", () => {
    expect(
      parsePerfTest("id: test-221434-679, sending rate avg: 10542 msg/s\nreceiving rate avg: 0 msg/s"),
    ).toBe(10542);
    expect(parsePerfTest("no summary")).toBeUndefined();
  });

  it("reads the consumers' average receiving rate of a consumer-only run", () => {
    const output =
      "id: test-083012-541, sending rate avg: 0 msg/s\nid: test-083012-541, receiving rate avg: 21877 msg/s";
    expect(parsePerfTest(output, "receiving")).toBe(21877);
    expect(parsePerfTest("sending rate avg: 5 msg/s", "receiving")).toBeUndefined();
  });
});
