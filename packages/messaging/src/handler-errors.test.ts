import { describe, expect, it, vi } from "vitest";
import { reportingHandler } from "./handler-errors.js";
import type { Delivery } from "./record.js";

const delivery = { topic: "t", position: { partition: 0, offset: "7" } } as Delivery;

describe("reportingHandler", () => {
  it("reports a failing handler once and passes the failure on to the adapter", async () => {
    const reported: unknown[] = [];
    const failing = reportingHandler(
      "x",
      () => Promise.reject(new Error("boom")),
      (error) => reported.push(error),
    );
    await expect(failing(delivery)).rejects.toThrow("boom");
    expect(reported).toEqual([new Error("boom")]);
  });

  it("prints one line naming target, topic and position when nobody listens", async () => {
    const lines = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = reportingHandler("redis-list", () => {
      throw new Error("boom");
    });
    await expect(failing(delivery)).rejects.toThrow("boom");
    expect(lines.mock.calls).toEqual([["[brokerlab/redis-list] handler failed for t at 7: boom"]]);
    lines.mockRestore();
  });

  it("gives no promise back for a synchronous handler (none per record)", () => {
    expect(reportingHandler("x", () => {})(delivery)).toBeUndefined();
  });

  it("leaves a handler that succeeds alone", async () => {
    const reported: unknown[] = [];
    await reportingHandler(
      "x",
      () => {},
      (error) => reported.push(error),
    )(delivery);
    expect(reported).toEqual([]);
  });
});
