import { escapeHtml } from "../escape.js";
import { formatNumber } from "../format-value.js";
import {
  type Box,
  CHART_WIDTH,
  type ChartTexts,
  legendRows,
  openSvg,
  renderLegend,
  renderNoData,
  renderXLabel,
  renderYAxis,
  textWidth,
} from "./frame.js";
import { seriesColor } from "./palette.js";
import { makeScale } from "./scale.js";

export interface BarSeries {
  readonly name: string;
  /** One value per category, in the categories' order; missing values draw no bar. */
  readonly values: readonly (number | null | undefined)[];
  readonly color?: string;
}

export interface BarChartOptions {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly height?: number;
  readonly description?: string;
  /** The chart's own words (empty chart, log axis) in the report's language. */
  readonly texts?: ChartTexts;
}

/** One line, or two split after the dash nearest the middle when one line would be wider than `width`. */
export function splitLabel(label: string, width: number): string[] {
  if (textWidth(label, 11) <= width) return [label];
  const dashes = [...label.matchAll(/-/g)].map((match) => match.index ?? 0);
  if (dashes.length === 0) return [label];
  const middle = label.length / 2;
  const at = dashes.reduce((best, dash) => (Math.abs(dash - middle) < Math.abs(best - middle) ? dash : best));
  return [label.slice(0, at + 1), label.slice(at + 1)];
}

/** A self-contained SVG grouped bar chart: one group per category, one bar per series. */
export function barChart(options: BarChartOptions): string {
  const height = options.height ?? 420;
  const rows = legendRows(options.series, CHART_WIDTH - 90);
  const box: Box = { left: 70, top: 40, right: CHART_WIDTH - 20, bottom: height - 52 - rows.length * 18 };
  const values = options.series.flatMap((item) =>
    item.values.filter((value): value is number => typeof value === "number" && Number.isFinite(value)),
  );
  const yScale = makeScale(values, [box.bottom, box.top], { zero: true });
  const parts = [
    openSvg(options.title, height, options.description),
    renderYAxis(yScale, box, options.yLabel, options.texts),
  ];
  const count = Math.max(1, options.categories.length);
  const groupWidth = (box.right - box.left) / count;
  const barWidth = (groupWidth * 0.8) / Math.max(1, options.series.length);
  // Labels too wide for their group break at a dash onto two lines; if still too wide, only every n-th shows.
  const lines = options.categories.map((label) => splitLabel(label, groupWidth - 4));
  const widestLabel = Math.max(0, ...lines.flat().map((line) => textWidth(line, 11)));
  const labelEvery = Math.max(1, Math.ceil((widestLabel + 6) / groupWidth));
  const showValues = options.series.length * count <= 32;
  options.categories.forEach((category, c) => {
    const groupLeft = box.left + c * groupWidth + groupWidth * 0.1;
    if (c % labelEvery === 0) {
      const x = (box.left + (c + 0.5) * groupWidth).toFixed(1);
      const spans = (lines[c] ?? [category])
        .map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : 12}">${escapeHtml(line)}</tspan>`)
        .join("");
      parts.push(`<text x="${x}" y="${box.bottom + 16}" font-size="11" text-anchor="middle">${spans}</text>`);
    }
    options.series.forEach((item, s) => {
      const value = item.values[c];
      if (typeof value !== "number" || !Number.isFinite(value)) return;
      const top = yScale.map(Math.max(value, 0));
      const base = yScale.map(0);
      const x = groupLeft + s * barWidth;
      const label = `${item.name} · ${category}: ${formatNumber(value)}`;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${Math.min(top, base).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${Math.abs(base - top).toFixed(1)}" fill="${seriesColor(s, item.color)}"><title>${escapeHtml(label)}</title></rect>`,
      );
      if (showValues) {
        parts.push(
          `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(top - 4).toFixed(1)}" font-size="10" text-anchor="middle">${escapeHtml(formatNumber(value))}</text>`,
        );
      }
    });
  });
  parts.push(
    `<line x1="${box.left}" y1="${box.bottom}" x2="${box.right}" y2="${box.bottom}" stroke="#555"/>`,
  );
  if (values.length === 0) parts.push(renderNoData(box, options.texts));
  parts.push(
    renderXLabel(box, options.xLabel),
    renderLegend(rows, box.left, box.bottom + 50, options.series),
    "</svg>",
  );
  return parts.join("");
}
