import { join, resolve } from "node:path";
import { checkOutputFolder } from "@brokerlab/cli";
import { langOrDefault } from "@brokerlab/i18n";
import type { MessagingClient, TargetId } from "@brokerlab/messaging";
import { newRunId, useColor, writeReportFiles } from "@brokerlab/report";
import { messagesFor } from "../i18n/index.js";
import { ProgressPrinter } from "../progress-printer.js";
import { htmlReport, markdownReport, terminalScenario } from "../report/render.js";
import { type BrokerInfo, RESULTS_SCHEMA, type RunResults } from "../results.js";
import { failoverHelp, parseFailoverArgs } from "./failover-args.js";
import type { FailoverCluster } from "./failover-cluster.js";
import type { FailoverSpec } from "./failover-phase.js";
import {
  FAILOVER_NAME,
  type FailoverLookups,
  failoverDescription,
  runFailover,
} from "./failover-scenario.js";
import { DEFAULT_RETRY } from "./retrying-publish.js";

/** What the command needs from the world: the cluster, clients on it, and the target lookups. */
export interface FailoverWorld extends FailoverLookups {
  readonly targetIds: readonly TargetId[];
  parseTargets(list: string | undefined): TargetId[];
  /** Brings the brokers' clusters up where they are not (bounded), and returns their controls. */
  cluster(brokers: readonly string[], log: (line: string) => void): Promise<FailoverCluster>;
  createClient(spec: FailoverSpec): MessagingClient;
}

async function brokerInfo(world: FailoverWorld, targets: readonly TargetId[]) {
  const brokers: Record<TargetId, BrokerInfo> = {};
  for (const target of targets) {
    const client = world.createClient({ target, level: "leader", idempotent: false, label: "probe" });
    try {
      await client.connect();
      brokers[target] = { address: client.address, version: await client.brokerVersion() };
    } catch (error) {
      brokers[target] = {
        address: client.address,
        error: error instanceof Error ? error.message : String(error),
      };
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  return brokers;
}

/** `pnpm scenario failover …`: runs the matrix on the cluster, prints the table, writes the report files. */
export async function failoverCommand(
  argv: readonly string[],
  world: FailoverWorld,
  reportsRoot: string,
): Promise<number> {
  const args = parseFailoverArgs(argv);
  const lang = langOrDefault(argv);
  const m = messagesFor(lang);
  if (args.help) {
    process.stdout.write(`${failoverHelp(world.targetIds, m)}\n`);
    return 0;
  }
  const targets = world.parseTargets(args.targets);
  const runId = newRunId();
  const outDir = args.out ? checkOutputFolder("--out", args.out) : resolve(reportsRoot, runId);
  const printer = new ProgressPrinter(process.stderr, 1, m);
  const brokers = [...new Set(targets.map((target) => world.brokerOf(target)))];
  printer.line(m.failover.progress.cluster(brokers.join(", ")));
  const cluster = await world.cluster(brokers, (line) => printer.line(line));
  const startedAt = new Date().toISOString();
  const infos = await brokerInfo(world, targets);
  const results = await runFailover(
    {
      targets,
      levels: args.levels,
      faults: args.faults,
      settings: {
        rate: args.rate,
        seconds: args.seconds,
        keys: 8,
        retry: DEFAULT_RETRY,
        readIdleMs: 3_000,
        readMaxMs: 30_000,
      },
    },
    world,
    {
      cluster,
      createClient: (spec) => world.createClient(spec),
      historyDir: join(outDir, "failover"),
      progress: (text) => printer.line(`  ${text}`),
      m,
    },
    outDir,
  );
  const run: RunResults = {
    schema: RESULTS_SCHEMA,
    runId,
    startedAt,
    brokers: infos,
    scenarios: [results],
    finishedAt: new Date().toISOString(),
  };
  const render = { lang, m, scenarios: new Map([[FAILOVER_NAME, failoverDescription]]) };
  const written = await writeReportFiles(outDir, {
    json: run,
    markdown: markdownReport(run, render),
    html: htmlReport(run, render),
  });
  if (args.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
  else process.stdout.write(`\n${terminalScenario(results, render, useColor(process.stdout))}`);
  printer.line(m.failover.progress.written(written.html, join(outDir, "failover")));
  return results.results.some((result) => result.error) ? 1 : 0;
}
