import { type CellValue, formatValue } from "./format-value.js";
import { columnAlign, columnCount, type Table } from "./table.js";

export interface TerminalTableOptions {
  /** ANSI colours (green ✓, red ✗, bold header). Default: {@link useColor} for stdout. */
  readonly color?: boolean;
}

// Built from a string: biome rejects control characters in regex literals.
const ANSI = new RegExp(`${"\u001b"}\\[[0-9;]*m`, "g");

/** The text without ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** True when `stream` is a terminal and neither NO_COLOR nor TERM=dumb asks for plain text. */
export function useColor(stream: { isTTY?: boolean } = process.stdout, env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/** Columns a string takes in a terminal: ANSI codes take none, East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff)
  );
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function cellText(value: CellValue, color: boolean): string {
  const text = formatValue(value);
  if (value === true) return paint(text, "32", color);
  if (value === false) return paint(text, "31", color);
  if (value === null || value === undefined) return paint(text, "2", color);
  return text;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** A header's words: broken after hyphens (rabbitmq-|quorum) and at spaces, so it can wrap. */
function headerWords(text: string): string[] {
  return text.split(" ").flatMap((word) => word.match(/[^-]+-*|-+/g) ?? [word]);
}

/** Greedy wrap of a header into lines no wider than `width` (a word wider than that gets a line of its own). */
function wrapHeader(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of headerWords(text)) {
    const joined = current === "" ? word : current.endsWith("-") ? current + word : `${current} ${word}`;
    if (current !== "" && displayWidth(joined) > width) {
      lines.push(current);
      current = word;
    } else {
      current = joined;
    }
  }
  return [...lines, current];
}

/**
 * A box-drawn table for the terminal; every line has the same display width. A header wider than its
 * column's cells wraps onto more lines (at hyphens and spaces) rather than widening the column, so eight
 * target ids fit a 120-column terminal.
 */
export function renderTable(table: Table, options: TerminalTableOptions = {}): string {
  const color = options.color ?? useColor();
  const columns = columnCount(table);
  const headerTexts = Array.from({ length: columns }, (_, i) => table.headers[i] ?? "");
  const body = table.rows.map((row) => Array.from({ length: columns }, (_, i) => cellText(row[i], color)));
  const widths = headerTexts.map((text, i) =>
    Math.max(...headerWords(text).map(displayWidth), ...body.map((row) => displayWidth(row[i] ?? ""))),
  );
  const wrapped = headerTexts.map((text, i) => wrapHeader(text, widths[i] ?? 0));
  const headerLines = Math.max(1, ...wrapped.map((lines) => lines.length));
  const aligns = headerTexts.map((_, i) => columnAlign(table, i));
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((width) => "─".repeat(width + 2)).join(middle) + right;
  const line = (cells: readonly string[], headerRow: boolean) =>
    `│${cells
      .map((cell, i) => {
        const padded = pad(cell, widths[i] ?? 0, headerRow ? "left" : (aligns[i] ?? "left"));
        return ` ${headerRow ? paint(padded, "1", color) : padded} `;
      })
      .join("│")}│`;
  const lines: string[] = [];
  if (table.title) lines.push(paint(table.title, "1", color));
  lines.push(rule("┌", "┬", "┐"));
  for (let l = 0; l < headerLines; l++)
    lines.push(
      line(
        wrapped.map((cell) => cell[l] ?? ""),
        true,
      ),
    );
  lines.push(rule("├", "┼", "┤"));
  for (const row of body) lines.push(line(row, false));
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}
