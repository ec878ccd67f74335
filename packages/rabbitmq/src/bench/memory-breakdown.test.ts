import { describe, expect, it } from "vitest";
import { usedBytes } from "./memory-breakdown.js";

describe("usedBytes", () => {
  it("sums the categories except the memory the VM reserved and left unused", () => {
    const output = JSON.stringify({
      reserved_unallocated: { bytes: 78_618_624, percentage: 55.12 },
      code: { bytes: 31_311_534, percentage: 21.95 },
      binary: { bytes: 2_829_744, percentage: 1.98 },
      allocated_unused: { bytes: 5, percentage: 0 },
    });
    expect(usedBytes(output)).toBe(31_311_534 + 2_829_744);
  });

  it("is undefined for the CLI's error text", () => {
    expect(usedBytes("Error: unable to perform an operation on node 'rabbit@vm'.")).toBeUndefined();
  });
});
