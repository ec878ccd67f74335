import type { Table } from "./table.js";
import { displayWidth } from "./terminal-table.js";

export interface FootnotedTable {
  readonly table: Table;
  /** "[1] row label · column header: the full text", in the order the markers appear. */
  readonly notes: readonly string[];
}

/**
 * Replaces every text cell wider than `maxWidth` display columns by a marker ([1], [2]…) and returns the
 * texts as notes for under the table: a broker's error message belongs below a table, not in a cell that
 * makes the table wider than the screen. The first column (the row label) is left as it is.
 */
export function footnoteLongCells(table: Table, maxWidth: number): FootnotedTable {
  const notes: string[] = [];
  const rows = table.rows.map((row) =>
    row.map((cell, column) => {
      if (column === 0 || typeof cell !== "string" || displayWidth(cell) <= maxWidth) return cell;
      const marker = `[${notes.length + 1}]`;
      const where = [row[0], table.headers[column]].filter((part) => part !== undefined && part !== "");
      notes.push(`${marker} ${where.join(" · ")}: ${cell}`);
      return marker;
    }),
  );
  return { table: { ...table, rows }, notes };
}
