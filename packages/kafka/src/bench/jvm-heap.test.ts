import { describe, expect, it } from "vitest";
import { jstatHeapUsedBytes } from "./jvm-heap.js";

describe("jstatHeapUsedBytes", () => {
  it("sums survivor, eden and old generation use, in bytes", () => {
    const output = [
      "    S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT   ",
      "        0.0      5120.0         0.0      4736.0      90112.0      17408.0     429056.0     178184.5    46080.0    45590.9    5248.0    5014.5     19     2.186     0     0.000     4     0.010     2.197",
    ].join("\n");
    expect(jstatHeapUsedBytes(output)).toBe(Math.round((0 + 4736 + 17408 + 178184.5) * 1024));
  });

  it("is undefined when jstat printed an error instead of the columns", () => {
    expect(jstatHeapUsedBytes("12345 not found")).toBeUndefined();
  });
});
