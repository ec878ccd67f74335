import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { ko } from "./ko.js";

/** Every key path of a catalogue, with functions as leaves. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Every fixed text of a catalogue (messages with parameters are checked where they are used). */
function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe("the Korean catalogue", () => {
  it("has exactly the English keys (the compiler checks this too; this guards against casts)", () => {
    expect(keyPaths(ko)).toEqual(keyPaths(en));
  });

  it("speaks Korean in every fixed text but names and flags", () => {
    const texts = keyPaths(ko)
      .map((path) =>
        path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], ko),
      )
      .filter((leaf): leaf is string => typeof leaf === "string");
    const english = texts.filter((text) => !/[가-힣]/.test(text) && /[a-z]{4,} [a-z]{4,}/i.test(text));
    expect(english).toEqual([]);
  });

  it("uses the notes' terms", () => {
    const all = leaves(ko).join(" ");
    for (const term of ["파티션", "오프셋", "컨슈머 랙", "컨슈머 그룹", "레코드", "보존"]) {
      expect(all).toContain(term);
    }
    expect(ko.acks.explanation).toMatch(/리더 파티션.*팔로워 파티션\(ISR\)/);
    expect(ko.partitioning.unkeyedExplanation).toContain("라운드 로빈");
  });
});
