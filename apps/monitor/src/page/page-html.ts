import type { Lang } from "@brokerlab/i18n";
import { type PageStrings, pageStringsFor } from "./strings.js";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char] ?? char,
  );

/**
 * The page shell: styles, the strings as JSON, uPlot and the client script, all served by the monitor itself,
 * in the language `lang` (its strings and `<html lang>`).
 */
export function pageHtml(lang: Lang = "en", strings: PageStrings = pageStringsFor(lang)): string {
  // "<" escaped so no string can close the script element.
  const json = JSON.stringify(strings).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(strings.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/uPlot.min.css">
<style>
  :root { font-family: system-ui, "Noto Sans CJK KR", "Noto Sans KR", NanumGothic, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; word-break: keep-all; color: #1d232a; background: #f4f6f8; }
  body { margin: 0; padding: 12px; }
  header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 16px; margin-bottom: 12px; }
  h1 { font-size: 1.3rem; margin: 0; }
  .sub { color: #5b6570; font-size: .9rem; }
  #conn { margin-left: auto; font-size: .85rem; color: #5b6570; }
  section.cluster { margin-bottom: 20px; }
  section.cluster > h2 { font-size: 1.05rem; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: baseline; }
  .meta { font-size: .8rem; color: #5b6570; font-weight: normal; }
  .err { background: #fde8e8; color: #8a1c1c; padding: 6px 10px; border-radius: 6px; font-size: .85rem; margin: 4px 0; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }
  .card { background: #fff; border-radius: 8px; padding: 10px; box-shadow: 0 1px 2px rgba(0,0,0,.08); min-width: 0; }
  .card h3 { font-size: .95rem; margin: 0 0 6px; word-break: break-all; display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
  .badge { font-size: .72rem; font-weight: 600; padding: 2px 7px; border-radius: 10px; color: #fff; }
  .s-OK { background: #2e7d32; } .s-WARN { background: #ef8c00; } .s-ERR, .s-STOP, .s-STALL, .s-REWIND { background: #c62828; }
  .s-NOTFOUND { background: #757575; }
  .kind { font-size: .72rem; padding: 2px 6px; border-radius: 10px; background: #e3e8ee; color: #33404d; }
  .numbers { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .85rem; margin-bottom: 6px; }
  .numbers b { font-variant-numeric: tabular-nums; }
  .bar { margin: 3px 0; font-size: .75rem; }
  .bar .track { position: relative; height: 10px; background: #ffcdd2; border-radius: 3px; overflow: hidden; }
  .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: #43a047; }
  .note { font-size: .75rem; color: #5b6570; }
  .chart { margin-top: 6px; }
  ul.unsupported { font-size: .8rem; color: #5b6570; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(strings.title)}</h1>
  <span class="sub">${escapeHtml(strings.subtitle)}</span>
  <span id="conn">${escapeHtml(strings.connecting)}</span>
</header>
<main id="clusters"></main>
<script id="strings" type="application/json">${json}</script>
<script src="/assets/uPlot.iife.min.js"></script>
<script src="/assets/client.js"></script>
</body>
</html>
`;
}
