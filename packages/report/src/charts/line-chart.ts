import { escapeHtml } from "../escape.js";
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
} from "./frame.js";
import { seriesColor, seriesDash } from "./palette.js";
import { formatTick, makeScale } from "./scale.js";

export interface LineSeries {
  readonly name: string;
  /** [x, y] pairs, drawn in the order given. */
  readonly points: readonly (readonly [number, number])[];
  readonly color?: string;
}

export interface ChartMarker {
  /** A vertical line at `x`, labelled (e.g. "retention.ms elapsed"). */
  readonly x: number;
  readonly label: string;
}

export interface LineChartOptions {
  readonly title: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly series: readonly LineSeries[];
  /** Log axes drop points that are zero or negative. */
  readonly logY?: boolean;
  readonly logX?: boolean;
  /** Step-after lines: the value holds until the next point (counts, stored records over time). */
  readonly step?: boolean;
  /** Start the y axis at zero (default true on a linear axis). */
  readonly zeroY?: boolean;
  readonly markers?: readonly ChartMarker[];
  readonly height?: number;
  /** Read by screen readers and shown as the chart's description. */
  readonly description?: string;
  /** The chart's own words (empty chart, log axis) in the report's language. */
  readonly texts?: ChartTexts;
}

function usablePoints(
  options: LineChartOptions,
  points: LineSeries["points"],
): (readonly [number, number])[] {
  return points.filter(
    ([x, y]) =>
      Number.isFinite(x) && Number.isFinite(y) && (!options.logX || x > 0) && (!options.logY || y > 0),
  );
}

/** A self-contained SVG line chart (no scripts, no external references). */
export function lineChart(options: LineChartOptions): string {
  const height = options.height ?? 420;
  const series = options.series.map((item) => ({ ...item, points: usablePoints(options, item.points) }));
  const rows = legendRows(series, CHART_WIDTH - 90);
  const box: Box = { left: 70, top: 40, right: CHART_WIDTH - 20, bottom: height - 52 - rows.length * 18 };
  const xs = series
    .flatMap((item) => item.points.map(([x]) => x))
    .concat(options.markers?.map((m) => m.x) ?? []);
  const ys = series.flatMap((item) => item.points.map(([, y]) => y));
  const xScale = makeScale(xs, [box.left, box.right], { log: options.logX === true });
  const yScale = makeScale(ys, [box.bottom, box.top], {
    log: options.logY === true,
    zero: options.zeroY ?? true,
  });
  const parts = [
    openSvg(options.title, height, options.description),
    renderYAxis(yScale, box, options.yLabel, options.texts),
  ];
  for (const tick of xScale.ticks) {
    const x = xScale.map(tick).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${box.bottom}" x2="${x}" y2="${box.bottom + 5}" stroke="#555"/>`,
      `<text x="${x}" y="${box.bottom + 18}" font-size="11" text-anchor="middle">${escapeHtml(formatTick(tick))}</text>`,
    );
  }
  parts.push(
    `<line x1="${box.left}" y1="${box.bottom}" x2="${box.right}" y2="${box.bottom}" stroke="#555"/>`,
    renderXLabel(box, options.xLabel, xScale.log ? ` (${options.texts?.log ?? "log"})` : ""),
  );
  for (const marker of options.markers ?? []) {
    const x = xScale.map(marker.x).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${box.top}" x2="${x}" y2="${box.bottom}" stroke="#444" stroke-dasharray="4 4"/>`,
      `<text x="${Number(x) + 4}" y="${box.top + 12}" font-size="11" fill="#444">${escapeHtml(marker.label)}</text>`,
    );
  }
  if (ys.length === 0) parts.push(renderNoData(box, options.texts));
  series.forEach((item, index) => {
    if (item.points.length === 0) return;
    const color = seriesColor(index, item.color);
    const dash = seriesDash(index);
    const coords = item.points.map(([x, y]) => [xScale.map(x), yScale.map(y)] as const);
    const path = coords
      .map(([x, y], i) => {
        if (i === 0) return `M${x.toFixed(1)} ${y.toFixed(1)}`;
        return options.step ? `H${x.toFixed(1)}V${y.toFixed(1)}` : `L${x.toFixed(1)} ${y.toFixed(1)}`;
      })
      .join("");
    parts.push(
      `<g><title>${escapeHtml(item.name)}</title><path d="${path}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
    );
    if (coords.length <= 40) {
      for (const [x, y] of coords) {
        parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}"/>`);
      }
    }
    parts.push("</g>");
  });
  parts.push(renderLegend(rows, box.left, box.bottom + 50, series), "</svg>");
  return parts.join("");
}

/** A step line chart: values hold until the next point, as stored-record counts do between deletions. */
export function stepChart(options: Omit<LineChartOptions, "step">): string {
  return lineChart({ ...options, step: true });
}
