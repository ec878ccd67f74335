import { escapeHtml } from "./escape.js";

export interface HtmlSection {
  /** Anchor id (letters, digits, dashes); the page links to it from its contents list. */
  readonly id: string;
  readonly heading: string;
  /** Plain text: one or two sentences tying the numbers to the concept. */
  readonly explanation?: string;
  /** Trusted HTML (tables, charts) produced by this package's renderers. */
  readonly html: string;
}

export interface HtmlPageOptions {
  /** The page's language, for `<html lang>` (fonts, hyphenation, screen readers). Default "en". */
  readonly lang?: string;
  readonly title: string;
  /** Plain text paragraph(s) under the title; blank lines separate paragraphs. */
  readonly intro?: string;
  readonly sections: readonly HtmlSection[];
  /** Plain text shown small at the bottom (run id, date, command). */
  readonly footer?: string;
  /** The heading of the contents list, in the page's language. Default "Contents". */
  readonly contentsLabel?: string;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK KR", "Noto Sans KR", NanumGothic, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; word-break: keep-all; overflow-wrap: anywhere; margin: 0; color: #222; background: #f6f7f9; line-height: 1.45; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 0.4rem; }
h2 { font-size: 1.25rem; margin: 0 0 0.4rem; }
section { background: #fff; border: 1px solid #e1e4e8; border-radius: 8px; padding: 16px 20px; margin: 18px 0; }
p.explanation { color: #444; margin: 0 0 12px; }
nav ul { padding-left: 1.2rem; columns: 2; margin: 0.4rem 0; }
.table-wrap { overflow-x: auto; margin: 8px 0 14px; }
table { border-collapse: collapse; font-size: 0.9rem; overflow-wrap: normal; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border: 1px solid #d7dbe0; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f0f2f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.yes { color: #17813b; font-weight: 600; }
td.no { color: #c62828; font-weight: 600; }
svg.bl-chart { display: block; max-width: 100%; height: auto; margin: 10px 0; border: 1px solid #eceef1; border-radius: 6px; }
footer { color: #777; font-size: 0.8rem; margin-top: 24px; }
`;

function paragraphs(text: string, className?: string): string {
  const attr = className ? ` class="${className}"` : "";
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p${attr}>${escapeHtml(part)}</p>`)
    .join("\n");
}

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** One self-contained HTML document: inline CSS, no scripts, nothing fetched from the network. */
export function htmlPage(options: HtmlPageOptions): string {
  const toc =
    options.sections.length > 1
      ? `<nav><strong>${escapeHtml(options.contentsLabel ?? "Contents")}</strong><ul>${options.sections
          .map((section) => `<li><a href="#${safeId(section.id)}">${escapeHtml(section.heading)}</a></li>`)
          .join("")}</ul></nav>`
      : "";
  const sections = options.sections
    .map(
      (section) =>
        `<section id="${safeId(section.id)}">\n<h2>${escapeHtml(section.heading)}</h2>\n${
          section.explanation ? paragraphs(section.explanation, "explanation") : ""
        }\n${section.html}\n</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(options.title)}</h1>
${options.intro ? paragraphs(options.intro) : ""}
${toc}
${sections}
${options.footer ? `<footer>${escapeHtml(options.footer)}</footer>` : ""}
</main>
</body>
</html>
`;
}
