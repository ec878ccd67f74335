import { formatValue } from "./format-value.js";
import { columnAlign, columnCount, type Table } from "./table.js";

function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** A GitHub-flavoured Markdown table (title as a bold line above it). */
export function markdownTable(table: Table): string {
  const columns = columnCount(table);
  const indexes = Array.from({ length: columns }, (_, i) => i);
  const header = `| ${indexes.map((i) => escapeCell(table.headers[i] ?? "")).join(" | ")} |`;
  const rule = `|${indexes.map((i) => (columnAlign(table, i) === "right" ? "---:" : "---")).join("|")}|`;
  const rows = table.rows.map(
    (row) => `| ${indexes.map((i) => escapeCell(formatValue(row[i]))).join(" | ")} |`,
  );
  const lines = [header, rule, ...rows];
  if (table.title) lines.unshift(`**${escapeCell(table.title)}**`, "");
  return lines.join("\n");
}
