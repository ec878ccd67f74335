import { describe, expect, it } from "vitest";
import { eventually, untilQuiet, waitUntil } from "./wait.js";

describe("eventually", () => {
  it("returns the first value that satisfies done", async () => {
    let reads = 0;
    const value = await eventually(
      async () => ++reads,
      (n) => n >= 3,
    );
    expect(value).toBe(3);
  });

  it("returns the last value read when done never holds", async () => {
    let reads = 0;
    const value = await eventually(
      async () => ++reads,
      () => false,
      10,
    );
    expect(value).toBe(reads);
    expect(value).toBeGreaterThanOrEqual(2);
  });
});

describe("waitUntil", () => {
  it("resolves once the condition holds", async () => {
    let checks = 0;
    await waitUntil(() => ++checks === 3, "three checks");
    expect(checks).toBe(3);
  });

  it("rejects naming what it waited for", async () => {
    await expect(waitUntil(() => false, "a miracle", 10)).rejects.toThrow("timed out waiting for a miracle");
  });
});

describe("untilQuiet", () => {
  it("returns once the count stopped changing for the quiet time", async () => {
    let count = 0;
    const ticking = setInterval(() => count++, 20);
    setTimeout(() => clearInterval(ticking), 300);
    await untilQuiet(() => count, 250, 5_000);
    const settled = count;
    expect(settled).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count).toBe(settled);
  });
});
