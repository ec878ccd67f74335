import { describe, expect, it } from "vitest";
import { PrefetchGate } from "./prefetch-gate.js";

describe("PrefetchGate", () => {
  it("hands out at most the limit and lets a waiter in on release", async () => {
    const gate = new PrefetchGate(2);
    expect(await gate.acquire(10)).toBe(true);
    expect(await gate.acquire(10)).toBe(true);
    expect(await gate.acquire(10)).toBe(false);
    const waiting = gate.acquire(5_000);
    gate.release();
    expect(await waiting).toBe(true);
    expect(gate.inUse).toBe(2);
  });

  it("takes a free slot synchronously", () => {
    const gate = new PrefetchGate(1);
    expect(gate.tryAcquire()).toBe(true);
    expect(gate.tryAcquire()).toBe(false);
    gate.release();
    expect(gate.tryAcquire()).toBe(true);
  });

  it("wakes waiters with false when closed", async () => {
    const gate = new PrefetchGate(1);
    await gate.acquire(10);
    const waiting = gate.acquire(5_000);
    gate.close();
    expect(await waiting).toBe(false);
    expect(await gate.acquire(10)).toBe(false);
  });
});
