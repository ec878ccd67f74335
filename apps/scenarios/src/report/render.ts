import { escapeHtml, htmlPage, htmlTable, markdownTable, renderTable } from "@brokerlab/report";
import type { RunResults, ScenarioResults } from "../results.js";
import type { ScenarioDescription } from "../scenario.js";
import { scenarioTable, summaryLines } from "./scenario-table.js";

/** The side-by-side table for one scenario, with summaries and notes, for the terminal. */
export function terminalScenario(scenario: ScenarioResults, color: boolean): string {
  const lines = scenario.results.flatMap(summaryLines).map((line) => `  ${line}`);
  return `${renderTable(scenarioTable(scenario), { color })}\n${lines.join("\n")}\n`;
}

function brokerLines(run: RunResults): string[] {
  return Object.entries(run.brokers).map(([target, info]) =>
    info.error
      ? `${target}: ${info.address} — unreachable: ${info.error}`
      : `${target}: ${info.version} at ${info.address}`,
  );
}

export function markdownReport(run: RunResults, scenarios: ReadonlyMap<string, ScenarioDescription>): string {
  const parts = [
    "# brokerlab scenarios",
    "",
    `Run \`${run.runId}\`, started ${run.startedAt}. Every number below was measured on the live brokers during this run.`,
    "",
    ...brokerLines(run).map((line) => `- ${line}`),
  ];
  for (const result of run.scenarios) {
    const scenario = scenarios.get(result.name);
    parts.push("", `## ${scenario?.title ?? result.name}`, "");
    if (scenario) parts.push(scenario.explanation, "");
    parts.push(
      `Parameters: ${Object.entries(result.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")}`,
      "",
    );
    parts.push(markdownTable({ ...scenarioTable(result), title: undefined }), "");
    for (const line of result.results.flatMap(summaryLines)) {
      parts.push(line.startsWith("  ") ? `  - ${line.trim()}` : `- ${line}`);
    }
  }
  return `${parts.join("\n")}\n`;
}

export function htmlReport(run: RunResults, scenarios: ReadonlyMap<string, ScenarioDescription>): string {
  const sections = run.scenarios.map((result) => {
    const scenario = scenarios.get(result.name);
    const summaries = result.results
      .map((target) => {
        const [first, ...rest] = summaryLines(target);
        const extra = rest.map((line) => `<br><small>${escapeHtml(line.trim())}</small>`).join("");
        return `<li>${escapeHtml(first ?? "")}${extra}</li>`;
      })
      .join("\n");
    const params = Object.entries(result.params)
      .map(([key, value]) => `${key}=${value}`)
      .join(", ");
    return {
      id: result.name,
      heading: scenario?.title ?? result.name,
      explanation: scenario?.explanation ?? "",
      html: [
        htmlTable({ ...scenarioTable(result), title: undefined }),
        `<ul>${summaries}</ul>`,
        ...(scenario?.charts?.(result.results) ?? []),
        `<p><small>${escapeHtml(`Parameters: ${params}`)}</small></p>`,
      ].join("\n"),
    };
  });
  return htmlPage({
    title: "brokerlab: the same workload on every target",
    intro: `Kafka, RabbitMQ and Redis side by side. Every number was measured on the live brokers during run ${run.runId}; a target that cannot do a step is shown unsupported with its reason.\n\n${brokerLines(run).join(" · ")}`,
    sections,
    footer: `run ${run.runId} · started ${run.startedAt}${run.finishedAt ? ` · finished ${run.finishedAt}` : ""} · schema ${run.schema}`,
  });
}
