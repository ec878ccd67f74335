/** Ten colours that stay distinct side by side (and for most colour-blind readers, with the dash patterns). */
export const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#7f7f7f",
  "#bcbd22",
] as const;

const DASHES = ["", "6 3", "2 3", "8 3 2 3"] as const;

export function seriesColor(index: number, given?: string): string {
  return given ?? PALETTE[index % PALETTE.length] ?? "#333";
}

/** Series beyond the palette repeat a colour, so they get a dash pattern instead. */
export function seriesDash(index: number): string {
  return DASHES[Math.floor(index / PALETTE.length) % DASHES.length] ?? "";
}
