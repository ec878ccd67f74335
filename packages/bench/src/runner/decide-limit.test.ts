import { describe, expect, it } from "vitest";
import { consumersFellBehind, decideLimit, type LimitInputs } from "./decide-limit.js";

const base: LimitInputs = {
  offeredRate: 10_000,
  searched: true,
  publishRate: 10_000,
  consumeRate: 10_000,
  processes: [
    { where: "http://127.0.0.1:1", role: "producer", percentOfOneCore: 40 },
    { where: "http://127.0.0.1:2", role: "consumer", percentOfOneCore: 60 },
  ],
  machineBusyPercent: 50,
  cores: 2,
  brokerLocal: true,
};

describe("decideLimit", () => {
  it("says the offered rate when a fixed rate was met", () => {
    expect(decideLimit({ ...base, searched: false }).kind).toBe("offered");
  });

  it("blames the busiest bench process when one is near a full core", () => {
    const limit = decideLimit({
      ...base,
      processes: [
        ...base.processes,
        { where: "in-process", role: "producer+consumer", percentOfOneCore: 98 },
      ],
    });
    expect(limit.kind).toBe("worker-bound");
    expect(limit.reason).toContain("in-process");
    expect(limit.reason).toContain("98 %");
  });

  it("says machine-bound when every core is busy and the broker shares them", () => {
    const limit = decideLimit({ ...base, machineBusyPercent: 97 });
    expect(limit).toEqual({
      kind: "machine-bound",
      reason: "the machine's 2 cores were 97 % busy, shared by the broker and the bench",
    });
  });

  it("leaves the broker when neither the bench nor the machine is saturated", () => {
    const limit = decideLimit({ ...base, searched: false, consumeRate: 7_000 });
    expect(limit.kind).toBe("broker");
    expect(limit.reason).toContain("60 % of a core");
  });

  it("notes consumers that fell behind in the timed run, not a backlog that only wobbled", () => {
    // redis-stream in-process at 4,000/s: the warm-up held, then consumption fell to 896/s by the last second.
    const behind = { publishRate: 3980, consumeRate: 3225, backlogBefore: 3, backlogAfter: 15_109 };
    expect(consumersFellBehind(behind)).toBe(
      "consumers fell behind during the timed run: 3225 of 3980 msg/s consumed per subscription, backlog 3 → 15109",
    );
    expect(consumersFellBehind({ ...behind, consumeRate: 3960, backlogAfter: 400 })).toBeUndefined();
    // Slower on average but the backlog did not build (it was drained by the end): nothing to note.
    expect(consumersFellBehind({ ...behind, backlogAfter: 900 })).toBeUndefined();
  });
});
