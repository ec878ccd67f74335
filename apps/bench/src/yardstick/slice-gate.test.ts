import { describe, expect, it } from "vitest";
import { SliceGate } from "./slice-gate.js";

describe("SliceGate", () => {
  it("holds records while no slice is open and releases them first when one opens", async () => {
    const gate = new SliceGate();
    const released: number[] = [];
    for (const record of [1, 2, 3]) {
      const held = gate.pass();
      expect(held).toBeInstanceOf(Promise);
      void held?.then(() => released.push(record));
    }
    expect(gate.holding).toBe(3);
    const reached = gate.open(5);
    expect(gate.count).toBe(3);
    expect(gate.pass()).toBeUndefined();
    expect(gate.pass()).toBeUndefined();
    await reached;
    expect(gate.count).toBe(5);
    await Promise.resolve();
    expect(released).toEqual([1, 2, 3]);
    // The slice has its count: the next record waits for the next slice.
    expect(gate.pass()).toBeInstanceOf(Promise);
    expect(gate.holding).toBe(1);
  });

  it("releases only as many held records as the slice wants", async () => {
    const gate = new SliceGate();
    for (let i = 0; i < 4; i++) void gate.pass();
    await gate.open(3);
    expect(gate.count).toBe(3);
    expect(gate.holding).toBe(1);
  });

  it("closes a slice that ran out of time at the count it reached", () => {
    const gate = new SliceGate();
    void gate.open(10);
    expect(gate.pass()).toBeUndefined();
    expect(gate.close()).toBe(1);
    expect(gate.pass()).toBeInstanceOf(Promise);
  });

  it("releases everything before the consumers close", async () => {
    const gate = new SliceGate();
    const held = gate.pass();
    gate.release();
    await held;
    expect(gate.pass()).toBeUndefined();
    expect(gate.holding).toBe(0);
  });
});
