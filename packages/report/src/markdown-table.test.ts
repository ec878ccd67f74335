import { describe, expect, it } from "vitest";
import { markdownTable } from "./markdown-table.js";

describe("markdownTable", () => {
  it("renders header, alignment row and ✓/✗ cells, escaping pipes", () => {
    const text = markdownTable({
      headers: ["metric", "a|b"],
      rows: [
        ["supported", true],
        ["count", 3],
        ["note", "x | y"],
      ],
    });
    expect(text.split("\n")).toEqual([
      "| metric | a\\|b |",
      "|---|---|",
      "| supported | ✓ |",
      "| count | 3 |",
      "| note | x \\| y |",
    ]);
  });

  it("marks an all-number column right-aligned", () => {
    expect(markdownTable({ headers: ["n"], rows: [[1], [2]] })).toContain("|---:|");
  });
});
