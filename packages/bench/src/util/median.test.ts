import { describe, expect, it } from "vitest";
import { median } from "./median.js";

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0.9, 1.3, 0.2])).toBe(0.9);
  });

  it("is 0 for no values", () => {
    expect(median([])).toBe(0);
  });
});
