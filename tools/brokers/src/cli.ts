import { type Lang, langOf, langOrDefault } from "@brokerlab/i18n";
import { commandHelp, type ParsedArgs, parseArgs, usage } from "./args.js";
import { clusterLeader, downCluster, upCluster } from "./cluster/cluster.js";
import { clusterNode } from "./cluster/cluster-nodes.js";
import { clusterRunning, clusterStatus, formatClusterStatus } from "./cluster/cluster-status.js";
import { fault, healAll } from "./cluster/faults.js";
import { brokerDefinition } from "./definitions/index.js";
import { down } from "./down.js";
import { BrokersError, UsageError } from "./errors.js";
import { type BrokersMessages, brokersMessagesFor, brokersText, chooseBrokersLang } from "./i18n/index.js";
import { logs } from "./logs.js";
import { reason } from "./probes.js";
import { type BrokerSettings, settingsFromEnv } from "./settings.js";
import { formatStatus, status } from "./status.js";
import { type UpResult, up } from "./up.js";

const print = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stdout.write(`  … ${line}\n`);

function report(
  results: readonly UpResult[],
  started: number,
  ready: (seconds: string) => string,
  m: BrokersMessages["run"],
): number {
  for (const result of results) print(`${result.ok ? "✓" : "✗"} ${result.message}`);
  const failed = results.filter((result) => !result.ok).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  print(failed ? m.notReady(failed, seconds) : ready(seconds));
  return failed ? 1 : 0;
}

async function printStatus(
  args: ParsedArgs,
  settings: BrokerSettings,
  m: BrokersMessages["run"],
): Promise<number> {
  const [single, cluster] = await Promise.all([
    args.cluster ? [] : status(settings),
    args.cluster || (await clusterRunning({ settings })) ? clusterStatus({ settings }) : [],
  ]);
  if (args.json) {
    // One entry per single-node broker (named after it) and per cluster node.
    const entries = single.map((row) => ({
      name: row.broker,
      deployment: "single",
      role: "single node",
      pid: null,
      ...row,
    }));
    print(JSON.stringify([...entries, ...cluster], null, 2));
  } else {
    if (single.length) print(formatStatus(single, m));
    if (cluster.length) {
      print(`${single.length ? "\n" : ""}${m.cluster}\n${formatClusterStatus(cluster, m)}`);
    }
  }
  return [...single, ...cluster].every((row) => row.health === "healthy") ? 0 : 1;
}

/** The language of help, progress and errors: --lang, BROKERLAB_LANG, LC_ALL/LANG; a wrong choice is a usage error. */
function languageOf(argv: readonly string[]): Lang {
  try {
    return langOf(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const lang = languageOf(argv);
  chooseBrokersLang(lang);
  const messages = brokersMessagesFor(lang);
  const args = parseArgs(argv, messages);
  if (!args.command) {
    print(usage(messages));
    return args.help ? 0 : 2;
  }
  if (args.help) {
    print(commandHelp(args.command, messages));
    return 0;
  }
  const settings = settingsFromEnv();
  const started = Date.now();
  switch (args.command) {
    case "up":
      return args.cluster
        ? report(
            await upCluster({ settings, log: progress }),
            started,
            messages.run.clusterReady,
            messages.run,
          )
        : report(await up({ settings, log: progress }), started, messages.run.allReady, messages.run);
    case "status":
      return printStatus(args, settings, messages.run);
    case "down": {
      const lines = args.cluster
        ? await downCluster({ settings, log: progress, purge: args.purge })
        : await down(settings, progress);
      for (const line of lines) print(line);
      return 0;
    }
    case "logs": {
      const [target] = args.positionals;
      const node = target && !isBroker(target) ? clusterNode(target) : undefined;
      await logs({
        lines: args.lines,
        follow: args.follow,
        settings,
        ...(target && !node ? { broker: brokerDefinition(target).name } : {}),
        ...(node ? { files: [brokerDefinition(node.broker).cluster.nodeFiles(node, settings).logFile] } : {}),
      });
      return 0;
    }
    case "fault": {
      const [kind = "", node = ""] = args.positionals;
      print(await fault(kind, node, { settings, log: progress }));
      return 0;
    }
    case "heal":
      for (const line of await healAll({ settings, log: progress })) print(line);
      return 0;
    case "leader": {
      const [broker = "", ...what] = args.positionals;
      const info = await clusterLeader(broker, what, { settings });
      print(
        args.json
          ? JSON.stringify(info)
          : messages.run.leader(info.leader, info.members.join(", "), info.inSync.join(", ")),
      );
      return 0;
    }
  }
}

function isBroker(name: string): boolean {
  try {
    brokerDefinition(name);
    return true;
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      const { errors } = brokersMessagesFor(langOrDefault(process.argv.slice(2)));
      process.stderr.write(`pnpm brokers: ${error.message}\n${errors.seeHelp}\n`);
    } else if (error instanceof BrokersError) {
      process.stderr.write(`pnpm brokers: ${error.message}\n`);
    } else {
      // Not a user mistake: keep the stack for whoever debugs it.
      process.stderr.write(
        `pnpm brokers: ${brokersText().failures.unexpected(reason(error))}\n${error instanceof Error ? error.stack : ""}\n`,
      );
    }
    process.exitCode = error instanceof BrokersError ? error.exitCode : 1;
  },
);
