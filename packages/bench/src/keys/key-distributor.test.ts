import { describe, expect, it } from "vitest";
import { createKeyDistributor, KEY_POOL_SIZE, keyPool } from "./key-distributor.js";

describe("key distributors", () => {
  it("NO_KEY gives null keys", () => {
    const keys = createKeyDistributor("NO_KEY");
    expect([keys.next(), keys.next()]).toEqual([null, null]);
  });

  it("KEY_ROUND_ROBIN cycles through the pool in order", () => {
    const keys = createKeyDistributor("KEY_ROUND_ROBIN", ["a", "b", "c"]);
    expect(Array.from({ length: 7 }, () => keys.next())).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });

  it("RANDOM_NANO picks the pool entry the clock points at", () => {
    let now = 0n;
    const keys = createKeyDistributor("RANDOM_NANO", ["a", "b", "c"], () => now);
    now = 4n;
    expect(keys.next()).toBe("b");
    now = 9n;
    expect(keys.next()).toBe("a");
  });

  it("uses a pool of distinct keys", () => {
    expect(new Set(keyPool()).size).toBe(KEY_POOL_SIZE);
  });
});
