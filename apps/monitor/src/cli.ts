import { createConnection } from "node:net";
import { resolve } from "node:path";
import { redact, reportFailure } from "@brokerlab/cli";
import { langOrDefault } from "@brokerlab/i18n";
import { renderTable } from "@brokerlab/report";
import { brokerOf } from "@brokerlab/targets";
import { type MonitorArgs, parseMonitorArgs, usage } from "./args.js";
import {
  type ClusterConfig,
  firstAddress,
  loadConfigFile,
  singleNodeClusters,
  threeNodeClusters,
} from "./config.js";
import { MonitorServer } from "./http/monitor-server.js";
import { type MonitorMessages, monitorMessagesFor } from "./i18n/index.js";
import { Monitor } from "./monitor.js";
import { type Snapshot, snapshot } from "./snapshot.js";

/** Where the user ran `pnpm monitor` (pnpm runs scripts from the repo root). */
const cwd = process.env.INIT_CWD ?? process.cwd();

const log = (line: string) => process.stderr.write(`monitor: ${redact(line)}\n`);

/** Whether anything answers on host:port within a short time (is the three-node cluster up?). */
function answers(address: string, ms = 500): Promise<boolean> {
  const [host = "127.0.0.1", port = "0"] = address.split(":");
  return new Promise((done) => {
    const socket = createConnection({ host, port: Number(port) });
    const finish = (up: boolean) => {
      socket.destroy();
      done(up);
    };
    socket.setTimeout(ms, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

/** The clusters to watch: the config file's, or the defaults; only brokers of the `--targets` asked for. */
async function clustersFor(args: MonitorArgs): Promise<ClusterConfig[]> {
  const wanted = (config: ClusterConfig) => args.targets.some((target) => brokerOf(target) === config.broker);
  if (args.config) return loadConfigFile(resolve(cwd, args.config)).filter(wanted);
  // Only the brokers asked for have their variables read: another broker's bad variable never fails this.
  const brokers = [...new Set(args.targets.map(brokerOf))];
  const single = singleNodeClusters(process.env, args.queues, brokers);
  const cluster = threeNodeClusters(process.env, args.queues, brokers);
  const first = cluster[0];
  const clusterUp = first !== undefined && (await answers(firstAddress(first)));
  return args.cluster || clusterUp ? [...single, ...cluster] : single;
}

function table(document: Snapshot, m: MonitorMessages["once"]): string {
  const h = m.headers;
  const rows = document.clusters.flatMap((cluster) =>
    cluster.error
      ? [[cluster.name, "–", "–", m.error, null, null, cluster.error]]
      : cluster.groups.map((group) => [
          cluster.name,
          group.group,
          group.kind,
          group.status,
          group.totallag,
          group.lag_seconds === null ? null : Number(group.lag_seconds.toFixed(1)),
          group.status_basis === "queue depth" ? m.queueDepth : m.partitions(group.partition_count),
        ]),
  );
  return renderTable({
    headers: [h.cluster, h.group, h.kind, h.status, h.totalLag, h.lagSeconds, h.note],
    rows,
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseMonitorArgs(argv);
  if (args.help) {
    process.stdout.write(`${usage(monitorMessagesFor(args.lang))}\n`);
    return 0;
  }
  const m = monitorMessagesFor(args.lang);
  const monitor = new Monitor(await clustersFor(args), {
    intervalMs: args.interval * 1000,
    targets: args.targets,
    log,
    messages: m,
  });
  if (args.once) {
    await monitor.readOnce();
    const document = snapshot(monitor, Date.now(), false);
    await monitor.stop();
    process.stdout.write(
      args.json ? `${JSON.stringify(document, null, 2)}\n` : `${table(document, m.once)}\n`,
    );
    return document.clusters.some((cluster) => cluster.error) ? 1 : 0;
  }
  const server = new MonitorServer(monitor, 1_000, args.lang);
  const port = await server.listen(args.port, args.host);
  monitor.start();
  const watched = monitor.clusters.map(({ state }) => `${state.name} (${state.addresses.join(",")})`);
  log(m.log.watching(watched.join(", ")));
  log(m.log.serving(`http://${args.host}:${port}/`));
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      log(m.log.stopping(signal));
      done();
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  await server.close();
  await monitor.stop();
  return 0;
}

main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const m = monitorMessagesFor(langOrDefault(process.argv.slice(2)));
      process.exitCode = reportFailure("monitor", error, { unexpected: m.log.unexpected });
    },
  )
  // Client libraries may keep sockets or timers alive after close; the work is done, so leave.
  .finally(() => setTimeout(() => process.exit(), 500).unref());
