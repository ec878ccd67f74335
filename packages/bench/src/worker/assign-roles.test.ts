import { describe, expect, it } from "vitest";
import { assignRoles } from "./assign-roles.js";

describe("assignRoles", () => {
  it("gives everything to a single agent", () => {
    const [only] = assignRoles(1, ["p0", "p1"], ["c0"]);
    expect(only).toEqual({ role: "producer+consumer", producers: ["p0", "p1"], consumers: ["c0"] });
  });

  it("puts producers and consumers on different agents when there are two", () => {
    const shares = assignRoles(2, ["p0", "p1", "p2"], ["c0"]);
    expect(shares.map((share) => share.role)).toEqual(["producer", "consumer"]);
    expect(shares[0]?.producers).toEqual(["p0", "p1", "p2"]);
    expect(shares[1]?.consumers).toEqual(["c0"]);
  });

  it("deals each side round-robin and gives the odd agent to consumers", () => {
    const shares = assignRoles(5, ["p0", "p1", "p2"], ["c0", "c1", "c2", "c3"]);
    expect(shares.map((share) => share.role)).toEqual([
      "producer",
      "producer",
      "consumer",
      "consumer",
      "consumer",
    ]);
    expect(shares[0]?.producers).toEqual(["p0", "p2"]);
    expect(shares[1]?.producers).toEqual(["p1"]);
    expect(shares.slice(2).map((share) => share.consumers)).toEqual([["c0", "c3"], ["c1"], ["c2"]]);
  });

  it("marks agents without work idle", () => {
    const shares = assignRoles(4, ["p0"], ["c0"]);
    expect(shares.map((share) => share.role)).toEqual(["producer", "idle", "consumer", "idle"]);
  });
});
