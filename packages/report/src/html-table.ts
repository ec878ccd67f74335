import { escapeHtml } from "./escape.js";
import { formatValue } from "./format-value.js";
import { columnAlign, columnCount, type Table } from "./table.js";

/** An HTML <table> for {@link htmlPage}; ✓/✗ cells get the `yes`/`no` classes the page styles. */
export function htmlTable(table: Table): string {
  const columns = Array.from({ length: columnCount(table) }, (_, i) => i);
  const head = columns.map((i) => `<th>${escapeHtml(table.headers[i] ?? "")}</th>`).join("");
  const body = table.rows
    .map((row) => {
      const cells = columns.map((i) => {
        const value = row[i];
        const classes = [
          columnAlign(table, i) === "right" ? "num" : "",
          value === true ? "yes" : value === false ? "no" : "",
        ].filter(Boolean);
        const attr = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
        return `<td${attr}>${escapeHtml(formatValue(value))}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const caption = table.title ? `<caption>${escapeHtml(table.title)}</caption>` : "";
  return `<div class="table-wrap"><table>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}
