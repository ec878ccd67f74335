import { escapeHtml } from "../escape.js";
import { displayWidth } from "../terminal-table.js";
import { seriesColor, seriesDash } from "./palette.js";
import { formatTick, type Scale } from "./scale.js";

export const CHART_WIDTH = 800;
// Korean faces after the Latin ones, so Hangul renders where system-ui has no glyphs for it.
export const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans CJK KR', 'Noto Sans KR', NanumGothic, 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

/** The few words a chart writes itself, for charts in another language. */
export interface ChartTexts {
  /** Shown in an empty chart; default "no data". */
  readonly noData?: string;
  /** Appended to a logarithmic axis label; default "log". */
  readonly log?: string;
}

export interface LegendItem {
  readonly name: string;
  readonly color?: string;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Approximate text width at 12px, enough to lay out legends without measuring; Hangul counts double. */
export function textWidth(text: string, fontSize = 12): number {
  return displayWidth(text) * fontSize * 0.6;
}

export function legendRows(items: readonly LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const item of items) {
    const itemWidth = 30 + textWidth(item.name);
    const row = rows[rows.length - 1] ?? [];
    if (used + itemWidth > width && row.length > 0) {
      rows.push([item]);
      used = itemWidth;
    } else {
      row.push(item);
      used += itemWidth;
    }
  }
  return rows.filter((row) => row.length > 0);
}

export function renderLegend(
  rows: readonly LegendItem[][],
  x: number,
  y: number,
  allItems: readonly LegendItem[],
) {
  const parts: string[] = [];
  rows.forEach((row, r) => {
    let cursor = x;
    for (const item of row) {
      const index = allItems.indexOf(item);
      const color = seriesColor(index, item.color);
      const dash = seriesDash(index);
      const cy = y + r * 18;
      parts.push(
        `<line x1="${cursor}" y1="${cy}" x2="${cursor + 18}" y2="${cy}" stroke="${color}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
        `<text x="${cursor + 23}" y="${cy + 4}" font-size="12">${escapeHtml(item.name)}</text>`,
      );
      cursor += 30 + textWidth(item.name);
    }
  });
  return parts.join("");
}

export function openSvg(title: string, height: number, description?: string): string {
  const desc = description ? `<desc>${escapeHtml(description)}</desc>` : "";
  return (
    `<svg class="bl-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" ` +
    `width="${CHART_WIDTH}" height="${height}" role="img" font-family="${FONT}" fill="#222">` +
    `<title>${escapeHtml(title)}</title>${desc}` +
    `<rect width="${CHART_WIDTH}" height="${height}" fill="#fff"/>` +
    `<text x="${CHART_WIDTH / 2}" y="22" font-size="15" font-weight="600" text-anchor="middle">${escapeHtml(title)}</text>`
  );
}

/** Horizontal grid lines with y tick labels, and the y axis label rotated along the left edge. */
export function renderYAxis(
  scale: Scale,
  box: Box,
  label: string | undefined,
  texts: ChartTexts = {},
): string {
  const parts: string[] = [];
  for (const tick of scale.ticks) {
    const y = scale.map(tick).toFixed(1);
    parts.push(
      `<line x1="${box.left}" y1="${y}" x2="${box.right}" y2="${y}" stroke="#e3e3e3"/>`,
      `<text x="${box.left - 6}" y="${y}" font-size="11" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatTick(tick))}</text>`,
    );
  }
  parts.push(`<line x1="${box.left}" y1="${box.top}" x2="${box.left}" y2="${box.bottom}" stroke="#555"/>`);
  if (label) {
    const cy = (box.top + box.bottom) / 2;
    parts.push(
      `<text x="16" y="${cy}" font-size="12" text-anchor="middle" transform="rotate(-90 16 ${cy})">${escapeHtml(label)}${scale.log ? ` (${escapeHtml(texts.log ?? "log")})` : ""}</text>`,
    );
  }
  return parts.join("");
}

export function renderXLabel(box: Box, label: string | undefined, suffix = ""): string {
  if (!label) return "";
  return `<text x="${(box.left + box.right) / 2}" y="${box.bottom + 36}" font-size="12" text-anchor="middle">${escapeHtml(label)}${suffix}</text>`;
}

export function renderNoData(box: Box, texts: ChartTexts = {}): string {
  return `<text x="${(box.left + box.right) / 2}" y="${(box.top + box.bottom) / 2}" font-size="14" fill="#888" text-anchor="middle">${escapeHtml(texts.noData ?? "no data")}</text>`;
}
