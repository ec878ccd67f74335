import type { CellValue } from "./format-value.js";

/** One table model for the terminal, Markdown and HTML renderers. */
export interface Table {
  readonly title?: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Per column; default: right for columns whose cells are all numbers, else left. */
  readonly align?: readonly ("left" | "right")[];
}

export function columnAlign(table: Table, column: number): "left" | "right" {
  const given = table.align?.[column];
  if (given) return given;
  const cells = table.rows.map((row) => row[column]).filter((cell) => cell !== null && cell !== undefined);
  return cells.length > 0 && cells.every((cell) => typeof cell === "number") ? "right" : "left";
}

export function columnCount(table: Table): number {
  return Math.max(table.headers.length, ...table.rows.map((row) => row.length));
}
