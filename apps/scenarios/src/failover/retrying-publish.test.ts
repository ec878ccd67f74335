import {
  ConnectionError,
  InvalidArgumentError,
  NotFoundError,
  PublishRejectedError,
  TimeoutError,
} from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import {
  type AttemptRecord,
  backoffMs,
  errorCode,
  outcomeOf,
  publishWithRetry,
  type RetryPolicy,
} from "./retrying-publish.js";

const FAST: RetryPolicy = {
  attemptTimeoutMs: 50,
  deadlineMs: 1_000,
  initialBackoffMs: 1,
  maxBackoffMs: 4,
  maxAttempts: 5,
};

function clock(): () => number {
  const t0 = performance.now();
  return () => performance.now() - t0;
}

describe("publishWithRetry", () => {
  it("retries an error until an attempt resolves, recording every attempt with its outcome and code", async () => {
    const attempts: AttemptRecord[] = [];
    let calls = 0;
    const ok = await publishWithRetry(
      async () => {
        calls++;
        if (calls === 1) throw new ConnectionError("127.0.0.1:1", "down");
        if (calls === 2) throw new InvalidArgumentError("bad");
      },
      FAST,
      clock(),
      (attempt) => attempts.push(attempt),
    );
    expect(ok).toBe(true);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, "unknown", "BROKERLAB_CONNECTION_FAILED"],
      [2, "failed", "BROKERLAB_INVALID_ARGUMENT"],
      [3, "ok", undefined],
    ]);
    for (const a of attempts) expect(a.end).toBeGreaterThanOrEqual(a.start);
  });

  it("abandons an attempt that does not resolve in time as unknown, and stops at maxAttempts", async () => {
    const attempts: AttemptRecord[] = [];
    const ok = await publishWithRetry(
      () => new Promise(() => undefined),
      { ...FAST, maxAttempts: 2 },
      clock(),
      (attempt) => attempts.push(attempt),
    );
    expect(ok).toBe(false);
    expect(attempts.map((a) => [a.outcome, a.error])).toEqual([
      ["unknown", "BROKERLAB_TIMEOUT"],
      ["unknown", "BROKERLAB_TIMEOUT"],
    ]);
  });

  it("starts no attempt past the deadline", async () => {
    const attempts: AttemptRecord[] = [];
    await publishWithRetry(
      async () => {
        throw new TimeoutError("x", 1);
      },
      { ...FAST, deadlineMs: 20, initialBackoffMs: 15, maxBackoffMs: 15, maxAttempts: 100 },
      clock(),
      (attempt) => attempts.push(attempt),
    );
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.length).toBeLessThanOrEqual(2);
  });
});

describe("error classification", () => {
  it("names errors by contract code, then protocol type through wrappers, then class", () => {
    const protocol = Object.assign(new Error("x"), { type: "NOT_ENOUGH_REPLICAS" });
    const wrapped = Object.assign(new Error("retries exceeded"), { originalError: protocol });
    expect(errorCode(wrapped)).toBe("NOT_ENOUGH_REPLICAS");
    expect(errorCode(new TypeError("x"))).toBe("TypeError");
    expect(outcomeOf(wrapped)).toBe("unknown");
    expect(outcomeOf(new PublishRejectedError("t", "basic.nack"))).toBe("failed");
    expect(outcomeOf(new NotFoundError("t", "h:1"))).toBe("failed");
  });

  it("backs off doubling to a cap", () => {
    expect(
      [1, 2, 3, 4].map((n) => backoffMs(n, { ...FAST, initialBackoffMs: 100, maxBackoffMs: 300 })),
    ).toEqual([100, 200, 300, 300]);
  });
});
