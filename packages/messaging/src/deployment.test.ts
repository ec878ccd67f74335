import { describe, expect, it } from "vitest";
import { deploymentOf, listFromEnv } from "./deployment.js";
import { InvalidArgumentError } from "./errors.js";

describe("deploymentOf", () => {
  it("defaults to single and reads cluster", () => {
    expect(deploymentOf({ env: {} })).toBe("single");
    expect(deploymentOf({ env: { BROKERLAB_DEPLOYMENT: "cluster" } })).toBe("cluster");
  });

  it("rejects anything else in one line", () => {
    expect(() => deploymentOf({ env: { BROKERLAB_DEPLOYMENT: "triple" } })).toThrow(InvalidArgumentError);
    expect(() => deploymentOf({ env: { BROKERLAB_DEPLOYMENT: "triple" } })).toThrow(
      'BROKERLAB_DEPLOYMENT="triple" is not one of single, cluster',
    );
  });
});

describe("listFromEnv", () => {
  it("splits on commas, trims, and falls back when empty", () => {
    expect(listFromEnv(" a:1, b:2 ,,", ["x"])).toEqual(["a:1", "b:2"]);
    expect(listFromEnv("", ["x"])).toEqual(["x"]);
    expect(listFromEnv(undefined, ["x", "y"])).toEqual(["x", "y"]);
  });
});
