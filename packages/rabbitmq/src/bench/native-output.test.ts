import { describe, expect, it } from "vitest";
import { parsePerfTest } from "./native-output.js";

describe("PerfTest output", () => {
  it("reads PerfTest's average sending rate", () => {
    expect(
      parsePerfTest("id: test-221434-679, sending rate avg: 10542 msg/s\nreceiving rate avg: 0 msg/s"),
    ).toBe(10542);
    expect(parsePerfTest("no summary")).toBeUndefined();
  });
});
