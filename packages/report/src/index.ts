export { type BarChartOptions, type BarSeries, barChart } from "./charts/bar-chart.js";
export type { ChartTexts } from "./charts/frame.js";
export {
  type ChartMarker,
  type LineChartOptions,
  type LineSeries,
  lineChart,
  stepChart,
} from "./charts/line-chart.js";
export { PALETTE } from "./charts/palette.js";
export { formatTick, linearTicks, logTicks } from "./charts/scale.js";
export { type BrowserCheck, type BrowserCheckOptions, checkHtmlInBrowser } from "./check-html-in-browser.js";
export { escapeHtml } from "./escape.js";
export { type FootnotedTable, footnoteLongCells } from "./footnote-long-cells.js";
export { type CellValue, formatNumber, formatValue } from "./format-value.js";
export { type HtmlPageOptions, type HtmlSection, htmlPage } from "./html-page.js";
export { htmlTable } from "./html-table.js";
export { markdownTable } from "./markdown-table.js";
export { newRunId } from "./run-id.js";
export type { Table } from "./table.js";
export {
  displayWidth,
  renderTable,
  stripAnsi,
  type TerminalTableOptions,
  useColor,
} from "./terminal-table.js";
export { type ReportFiles, type WrittenReport, writeReportFiles } from "./write-report-files.js";
