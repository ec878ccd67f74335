import { describe, expect, it } from "vitest";
import { BLOCK_COUNT, DeliveryIds } from "./delivery-ids.js";

/** What an id stands for, as the delivery handler reads it. */
function lookUp<T>(ids: DeliveryIds<T>, id: number): [T, number] | undefined {
  const block = ids.find(id);
  return block === undefined ? undefined : [block.owner, block.index(id)];
}

describe("DeliveryIds", () => {
  it("gives every record of a publish its own small-integer id that leads back to the publish and the record", () => {
    const ids = new DeliveryIds<string>();
    const a = ids.reserve("a", 3000);
    const b = ids.reserve("b", 2);
    const all = [
      ...Array.from({ length: 3000 }, (_, index) => ids.id(a, index)),
      ...Array.from({ length: 2 }, (_, index) => ids.id(b, index)),
    ];
    expect(new Set(all).size).toBe(3002);
    expect(all.every((id) => Number.isInteger(id) && id >= 0 && id < 2 ** 30)).toBe(true);
    expect(lookUp(ids, ids.id(a, 0))).toEqual(["a", 0]);
    expect(lookUp(ids, ids.id(a, 1025))).toEqual(["a", 1025]);
    expect(lookUp(ids, ids.id(a, 2999))).toEqual(["a", 2999]);
    expect(lookUp(ids, ids.id(b, 1))).toEqual(["b", 1]);
  });

  it("forgets a released publish, and reuses its ids after wrapping around without touching one in use", () => {
    const ids = new DeliveryIds<number>();
    const held = ids.reserve(-1, 1);
    const heldId = ids.id(held, 0);
    expect(ids.find(heldId)?.owner).toBe(-1);
    // Go once around the block numbers: every later publish is released at once, the first one never is.
    for (let n = 0; n < BLOCK_COUNT; n++) ids.release(ids.reserve(n, 1));
    expect(ids.size).toBe(1);
    const next = ids.reserve(7, 1);
    expect(ids.id(next, 0)).not.toBe(heldId);
    expect(lookUp(ids, heldId)).toEqual([-1, 0]);
    expect(lookUp(ids, ids.id(next, 0))).toEqual([7, 0]);
    ids.release(held);
    expect(ids.find(heldId)).toBeUndefined();
  });
});
