import type { Lang } from "@brokerlab/i18n";
import { escapeHtml, htmlPage, htmlTable, markdownTable, renderTable, type Table } from "@brokerlab/report";
import type { Messages } from "../i18n/index.js";
import type { RunResults, ScenarioResults } from "../results.js";
import type { ScenarioDescription } from "../scenario.js";
import { scenarioTable, summaryLines } from "./scenario-table.js";
import { verdictSection } from "./verdict.js";

/** What every renderer needs: the language, its texts and the scenarios by name. */
export interface RenderContext {
  readonly lang: Lang;
  readonly m: Messages;
  readonly scenarios: ReadonlyMap<string, ScenarioDescription>;
}

function legendOf(name: string, context: RenderContext): readonly string[] {
  return context.scenarios.get(name)?.legend?.(context.m) ?? [];
}

function titleOf(name: string, context: RenderContext): string {
  const scenario = context.scenarios.get(name);
  return scenario ? scenario.texts(context.m).title : name;
}

/** The side-by-side table for one scenario, with long cells, summaries and notes under it, for the terminal. */
export function terminalScenario(scenario: ScenarioResults, context: RenderContext, color: boolean): string {
  const { table, notes } = scenarioTable(scenario, context.m);
  const lines = [
    ...legendOf(scenario.name, context),
    ...notes,
    ...scenario.results.flatMap((result) => summaryLines(result, context.m)),
  ];
  const titled = { ...table, title: `${scenario.name} — ${titleOf(scenario.name, context)}` };
  return `${renderTable(titled, { color })}\n${lines.map((line) => `  ${line}`).join("\n")}\n`;
}

/** The closing "message broker or event broker?" table and sentences, or "" when no deciding scenario ran. */
export function terminalVerdict(run: RunResults, context: RenderContext, color: boolean): string {
  const verdict = verdictSection(run, context.m);
  if (!verdict) return "";
  const table: Table = { ...verdict.table, title: context.m.verdict.title };
  return `${renderTable(table, { color })}\n${verdict.sentences.map((line) => `  ${line}`).join("\n")}\n`;
}

function brokerLines(run: RunResults, m: Messages): string[] {
  return Object.entries(run.brokers).map(([target, info]) =>
    info.error
      ? m.report.brokerUnreachable(target, info.address, info.error)
      : m.report.brokerAt(target, info.version ?? "?", info.address),
  );
}

function paramsText(result: ScenarioResults, m: Messages): string {
  return m.report.parameters(
    Object.entries(result.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(", "),
  );
}

export function markdownReport(run: RunResults, context: RenderContext): string {
  const { m } = context;
  const parts = [
    `# ${m.report.markdownTitle}`,
    "",
    m.report.markdownIntro(run.runId, run.startedAt),
    "",
    ...brokerLines(run, m).map((line) => `- ${line}`),
  ];
  for (const result of run.scenarios) {
    const scenario = context.scenarios.get(result.name);
    parts.push("", `## ${titleOf(result.name, context)}`, "");
    if (scenario) parts.push(scenario.texts(m).explanation, "");
    parts.push(paramsText(result, m), "");
    const { table, notes } = scenarioTable(result, m);
    parts.push(markdownTable(table), "");
    for (const note of [...legendOf(result.name, context), ...notes]) parts.push(`- ${note}`);
    for (const line of result.results.flatMap((target) => summaryLines(target, m))) {
      parts.push(line.startsWith("  ") ? `  - ${line.trim()}` : `- ${line}`);
    }
  }
  const verdict = verdictSection(run, m);
  if (verdict) {
    parts.push("", `## ${m.verdict.title}`, "", m.verdict.explanation, "", markdownTable(verdict.table), "");
    for (const sentence of verdict.sentences) parts.push(`- ${sentence}`);
  }
  return `${parts.join("\n")}\n`;
}

function listHtml(lines: readonly string[]): string {
  return lines.length > 0 ? `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("\n")}</ul>` : "";
}

export function htmlReport(run: RunResults, context: RenderContext): string {
  const { m } = context;
  const sections = run.scenarios.map((result) => {
    const scenario = context.scenarios.get(result.name);
    const summaries = result.results
      .map((target) => {
        const [first, ...rest] = summaryLines(target, m);
        const extra = rest.map((line) => `<br><small>${escapeHtml(line.trim())}</small>`).join("");
        return `<li>${escapeHtml(first ?? "")}${extra}</li>`;
      })
      .join("\n");
    const { table, notes } = scenarioTable(result, m);
    return {
      id: result.name,
      heading: titleOf(result.name, context),
      explanation: scenario?.texts(m).explanation ?? "",
      html: [
        htmlTable(table),
        ...[...legendOf(result.name, context), ...notes].map(
          (note) => `<p><small>${escapeHtml(note)}</small></p>`,
        ),
        `<ul>${summaries}</ul>`,
        ...(scenario?.charts?.(result.results, m) ?? []),
        `<p><small>${escapeHtml(paramsText(result, m))}</small></p>`,
      ].join("\n"),
    };
  });
  const verdict = verdictSection(run, m);
  if (verdict) {
    sections.push({
      id: "verdict",
      heading: m.verdict.title,
      explanation: m.verdict.explanation,
      html: [htmlTable(verdict.table), listHtml(verdict.sentences)].join("\n"),
    });
  }
  return htmlPage({
    lang: context.lang,
    title: m.report.title,
    intro: `${m.report.intro(run.runId)}\n\n${brokerLines(run, m).join(" · ")}`,
    sections,
    contentsLabel: m.report.contents,
    footer: m.report.footer(run.runId, run.startedAt, run.finishedAt, run.schema),
  });
}
