import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkOutputFolder, reportFailure } from "@brokerlab/cli";
import { langOrDefault } from "@brokerlab/i18n";
import { newRunId, useColor, writeReportFiles } from "@brokerlab/report";
import { checkSettings, connectionSource, createClient } from "@brokerlab/targets";
import { helpText, parseCliArgs } from "./args.js";
import { DEFAULT_SETTINGS } from "./context.js";
import { failoverCommand } from "./failover/failover-command.js";
import { FAILOVER_NAME } from "./failover/failover-scenario.js";
import { messagesFor } from "./i18n/index.js";
import { ProgressPrinter } from "./progress-printer.js";
import { htmlReport, markdownReport, terminalScenario, terminalVerdict } from "./report/render.js";
import { runScenarios } from "./runner.js";
import { SCENARIO_NAMES, SCENARIOS } from "./scenarios/index.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === FAILOVER_NAME) {
    const { failoverWorld } = await import("./failover/failover-world.js");
    return failoverCommand(argv.slice(1), failoverWorld(), resolve(REPO_ROOT, "reports"));
  }
  const args = parseCliArgs(argv, SCENARIO_NAMES, messagesFor(langOrDefault(argv)));
  // Every adapter reads its addresses for the deployment from the environment (README: variables).
  if (args.cluster) process.env.BROKERLAB_DEPLOYMENT = "cluster";
  const m = messagesFor(args.lang);
  if (args.help) {
    process.stdout.write(`${helpText(SCENARIO_NAMES, m)}\n`);
    return 0;
  }
  // Only the targets run: another broker's variable never fails this run.
  checkSettings(args.targets);
  const runId = newRunId();
  // Checked before the run: a folder that cannot hold the reports would lose them after it.
  const outDir = args.out ? checkOutputFolder("--out", args.out) : resolve(REPO_ROOT, "reports", runId);
  const scenarios = SCENARIOS.filter((scenario) => args.scenarios.includes(scenario.name));
  const byName = new Map(SCENARIOS.map((scenario) => [scenario.name, scenario]));
  const color = useColor(process.stdout);
  const printer = new ProgressPrinter(process.stderr, scenarios.length, m);
  const render = { lang: args.lang, m, scenarios: byName };
  const run = await runScenarios(
    {
      scenarios,
      targets: args.targets,
      settings: { ...DEFAULT_SETTINGS, messages: args.messages },
      texts: m,
      createClient: (target, producer) =>
        createClient(target, { ...connectionSource(), ...(producer ? { producer } : {}) }),
      onProgress: (event) => {
        printer.handle(event);
        // Each table prints as soon as its scenario finished on every target.
        if (event.kind === "scenario-done" && !args.json) {
          printer.clear();
          process.stdout.write(`\n${terminalScenario(event.results, render, color)}`);
        }
      },
    },
    runId,
  );
  const verdict = terminalVerdict(run, render, color);
  if (verdict && !args.json) process.stdout.write(`\n${verdict}`);
  const written = await writeReportFiles(outDir, {
    json: run,
    markdown: markdownReport(run, render),
    html: htmlReport(run, render),
  });
  if (args.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
  printer.line(m.cli.written(written.html));
  // Failover needs the cluster and runs only when named: say so after the single-node scenarios.
  if (scenarios.length === SCENARIOS.length) printer.line(m.cli.failoverHint);
  const failed = run.scenarios.some((scenario) => scenario.results.some((result) => result.error));
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; should a client library still hold a handle open, do not hang on it.
    setTimeout(() => process.exit(code), 5_000).unref();
  },
  (error: unknown) => {
    process.exitCode = reportFailure("pnpm scenario", error);
  },
);
