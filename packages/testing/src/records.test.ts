import { describe, expect, it } from "vitest";
import { uniqueName } from "./names.js";
import { numberedRecords } from "./records.js";

describe("numberedRecords", () => {
  it("numbers records from `from` in the n header, with default key and value", () => {
    const records = numberedRecords(2, { from: 5 });
    expect(records.map((r) => [r.key, Buffer.from(r.value).toString(), r.headers?.n])).toEqual([
      ["key-5", "record-5", "5"],
      ["key-6", "record-6", "6"],
    ]);
  });

  it("takes another key, label or value spelling", () => {
    const [labelled] = numberedRecords(1, { label: "x", keyOf: () => null });
    expect(labelled?.key).toBeNull();
    expect(Buffer.from(labelled?.value ?? []).toString()).toBe("x-0");
    const [spelled] = numberedRecords(1, { from: 3, keyOf: (n) => `k${n}`, textOf: (n) => `r${n}` });
    expect(spelled?.key).toBe("k3");
    expect(Buffer.from(spelled?.value ?? []).toString()).toBe("r3");
  });
});

describe("uniqueName", () => {
  it("prefixes bl- and the label, and differs every call", () => {
    expect(uniqueName("case")).toMatch(/^bl-case-[0-9a-f]{8}$/);
    expect(uniqueName("case")).not.toBe(uniqueName("case"));
  });
});
