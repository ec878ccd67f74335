import { describe, expect, it } from "vitest";
import { versionFromProtocol } from "./broker-version.js";

describe("versionFromProtocol", () => {
  it("reads the release from the default inter-broker protocol version", () => {
    expect(versionFromProtocol("3.9-IV0", true)).toBe("3.9");
    expect(versionFromProtocol("4.0-IV3", true)).toBe("4.0");
  });

  it("says a configured value is only a lower bound, and unknown for nonsense", () => {
    expect(versionFromProtocol("3.6-IV2", false)).toBe(">=3.6");
    expect(versionFromProtocol("", true)).toBe("unknown");
  });
});
