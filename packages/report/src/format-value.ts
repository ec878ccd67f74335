/** A table cell: booleans print as ✓/✗, null/undefined as "–". */
export type CellValue = string | number | boolean | null | undefined;

/** Prints a cell the same way in the terminal, Markdown and HTML. */
export function formatValue(value: CellValue): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "✓" : "✗";
  if (typeof value === "number") return formatNumber(value);
  return value;
}

/** Integers in full with thin grouping (12,345); fractions to three significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(1);
  if (abs >= 1) return trimZeros(value.toFixed(2));
  return trimZeros(value.toPrecision(3));
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
