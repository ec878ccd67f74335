import { describe, expect, it } from "vitest";
import { displayWidth, renderTable, stripAnsi, useColor } from "./terminal-table.js";

describe("renderTable", () => {
  const table = {
    title: "retention",
    headers: ["metric", "kafka", "rabbitmq-queue"],
    rows: [
      ["supported", true, false],
      ["retainedAfterConsume", 200, 0],
      ["summary", "keeps everything", null],
    ],
  };

  it("draws every line at the same display width, ✓/✗ included", () => {
    const lines = renderTable(table, { color: false }).split("\n").slice(1);
    const widths = new Set(lines.map(displayWidth));
    expect(widths.size).toBe(1);
    expect(lines[0]?.startsWith("┌")).toBe(true);
    expect(lines.at(-1)?.startsWith("└")).toBe(true);
    expect(lines.join("\n")).toContain("✓");
    expect(lines.join("\n")).toContain("✗");
  });

  it("keeps the same layout when coloured, because ANSI codes take no columns", () => {
    const plain = renderTable(table, { color: false });
    const coloured = renderTable(table, { color: true });
    expect(coloured).toContain("\u001b[32m✓");
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it("right-aligns numeric columns", () => {
    const text = renderTable({ headers: ["n"], rows: [[5], [12345]] }, { color: false });
    expect(text).toContain("│      5 │");
    expect(text).toContain("│ 12,345 │");
  });

  it("counts wide characters as two columns", () => {
    expect(displayWidth("카프카")).toBe(6);
    expect(displayWidth("\u001b[1mab\u001b[0m")).toBe(2);
    const lines = renderTable({ headers: ["이름", "x"], rows: [["a", "b"]] }, { color: false }).split("\n");
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });
});

describe("useColor", () => {
  it("colours only a TTY, and never with NO_COLOR", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
  });
});

describe("renderTable headers", () => {
  it("wraps a header wider than its cells at hyphens and spaces instead of widening the column", () => {
    const text = renderTable(
      { headers: ["metric", "rabbitmq-quorum", "consumer lag max"], rows: [["lag", 12, 3]] },
      { color: false },
    );
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/^│ metric │ rabbitmq- │ consumer │$/);
    expect(lines[2]).toMatch(/^│ {8}│ quorum {4}│ lag max {2}│$/);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it("keeps a one-line header when the cells are as wide", () => {
    const lines = renderTable({ headers: ["a-b"], rows: [["wide cell"]] }, { color: false }).split("\n");
    expect(lines[1]).toBe("│ a-b       │");
    expect(lines[2]?.startsWith("├")).toBe(true);
  });
});
