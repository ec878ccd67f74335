import { describe, expect, it } from "vitest";
import { checkAcknowledgedKept } from "./cluster-helpers.js";

describe("checkAcknowledgedKept", () => {
  it("reports acknowledged writes missing from the read, and reads nobody wrote", () => {
    expect(
      checkAcknowledgedKept([
        { type: "write", value: "a", outcome: "ok" },
        { type: "write", value: "b", outcome: "ok" },
        { type: "write", value: "c", outcome: "failed" },
        { type: "read", values: ["a", "c", "z"] },
      ]),
    ).toEqual({ lost: ["b"], unexpected: ["z"] });
  });

  it("does not count an unacknowledged write as lost", () => {
    expect(
      checkAcknowledgedKept([
        { type: "write", value: "a", outcome: "failed" },
        { type: "read", values: [] },
      ]),
    ).toEqual({ lost: [], unexpected: [] });
  });
});
