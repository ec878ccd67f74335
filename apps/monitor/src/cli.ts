import { createConnection } from "node:net";
import { resolve } from "node:path";
import { isBrokerlabError } from "@brokerlab/messaging";
import { renderTable } from "@brokerlab/report";
import { brokerOf } from "@brokerlab/targets";
import { type MonitorArgs, parseMonitorArgs, USAGE } from "./args.js";
import { type ClusterConfig, loadConfigFile, singleNodeClusters, threeNodeClusters } from "./config.js";
import { MonitorServer } from "./http/monitor-server.js";
import { Monitor } from "./monitor.js";
import { redact } from "./redact.js";
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
  const single = singleNodeClusters(process.env, args.queues);
  const cluster = threeNodeClusters(process.env, args.queues);
  const first = cluster[0];
  const clusterUp = first?.broker === "kafka" && (await answers(first.brokers[0] ?? ""));
  return (args.cluster || clusterUp ? [...single, ...cluster] : single).filter(wanted);
}

function table(document: Snapshot): string {
  const rows = document.clusters.flatMap((cluster) =>
    cluster.error
      ? [[cluster.name, "–", "–", "ERROR", null, null, cluster.error]]
      : cluster.groups.map((group) => [
          cluster.name,
          group.group,
          group.kind,
          group.status,
          group.totallag,
          group.lag_seconds === null ? null : Number(group.lag_seconds.toFixed(1)),
          group.status_basis === "queue depth" ? "queue depth" : `${group.partition_count} partitions`,
        ]),
  );
  return renderTable({
    headers: ["cluster", "group", "kind", "status", "totallag", "lag s", "note"],
    rows,
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseMonitorArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const monitor = new Monitor(await clustersFor(args), {
    intervalMs: args.interval * 1000,
    targets: args.targets,
    log,
  });
  if (args.once) {
    await monitor.readOnce();
    const document = snapshot(monitor, Date.now(), false);
    await monitor.stop();
    process.stdout.write(args.json ? `${JSON.stringify(document, null, 2)}\n` : `${table(document)}\n`);
    return document.clusters.some((cluster) => cluster.error) ? 1 : 0;
  }
  const server = new MonitorServer(monitor, 1_000, args.lang);
  const port = await server.listen(args.port, args.host);
  monitor.start();
  log(
    `watching ${monitor.clusters.map(({ state }) => `${state.name} (${state.addresses.join(",")})`).join(", ")}`,
  );
  log(`http://${args.host}:${port}/ (Burrow API under /v3/kafka, Prometheus at /metrics); Ctrl-C stops`);
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      log(`${signal}: stopping`);
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
      if (isBrokerlabError(error) && error.userFacing) {
        process.stderr.write(`monitor: ${redact(error.message)}\n`);
        process.exitCode = 2;
        return;
      }
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`monitor: unexpected error: ${redact(text)}\n`);
      process.exitCode = 1;
    },
  )
  // Client libraries may keep sockets or timers alive after close; the work is done, so leave.
  .finally(() => setTimeout(() => process.exit(), 500).unref());
