import { parseArgs } from "node:util";
import { type Lang, resolveLang } from "@brokerlab/i18n";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { parseTargets } from "@brokerlab/targets";

export interface MonitorArgs {
  readonly help: boolean;
  readonly port: number;
  readonly host: string;
  /** Seconds between polls of each cluster. */
  readonly interval: number;
  readonly targets: TargetId[];
  readonly cluster: boolean;
  readonly config?: string;
  readonly once: boolean;
  readonly json: boolean;
  /** RabbitMQ queues to watch over AMQP when there is no management API. */
  readonly queues: string[];
  /** The live page's language. */
  readonly lang: Lang;
}

export const USAGE = `Usage:
  pnpm monitor [--port 8000] [--interval S] [--targets a,b] [--cluster] [--config FILE] [--queues q1,q2]
  pnpm monitor --once [--json] [...]

Watches consumer lag on every cluster: Kafka groups (commits read from __consumer_offsets, as Burrow does),
Redis stream groups, BullMQ queues, Redis lists and RabbitMQ queues. Evaluates each group with Burrow's rules
(OK, WARN, ERR/STOP/STALL/REWIND), estimates lag in seconds, and serves:
  /                 live page (updates every second)
  /v3/kafka/...     Burrow's HTTP API v3 (same paths and fields; every cluster, not only Kafka)
  /metrics          Prometheus text (Burrow 1.3.4+ and kafka-lag-exporter metric names)
  /api/snapshot     everything as one JSON document

Clusters: by default kafka, rabbitmq and redis (the single nodes, from BROKERLAB_KAFKA_BROKERS,
BROKERLAB_RABBITMQ_URL, BROKERLAB_REDIS_URL) and, when it answers, the three-node cluster as kafka-cluster,
rabbitmq-cluster and redis-cluster (BROKERLAB_CLUSTER_KAFKA_BROKERS, BROKERLAB_CLUSTER_RABBITMQ_URLS,
BROKERLAB_CLUSTER_RABBITMQ_MANAGEMENT, BROKERLAB_CLUSTER_REDIS_SENTINELS). --config FILE names them instead
(see apps/monitor/README.md).

Options:
  --port N          HTTP port (default 8000)
  --host ADDR       address to listen on (default 127.0.0.1)
  --interval S      seconds between polls (default 1)
  --targets LIST    only these kinds of target (default all): kafka, rabbitmq-queue, rabbitmq-quorum,
                    rabbitmq-stream, redis-list, redis-stream, bullmq
  --cluster         also watch the three-node cluster even if it does not answer yet
  --config FILE     YAML file of named clusters (replaces the defaults)
  --queues LIST     RabbitMQ queues to read by AMQP passive declare where the management API is off
  --once            read every cluster, print one snapshot and exit
  --json            with --once: the snapshot as JSON (the /api/snapshot document)
  --lang en|ko      language of the live page (default: BROKERLAB_LANG, else LC_ALL/LANG, so
                    ko_KR.UTF-8 gives Korean; else English); the API and /metrics never change
  -h, --help        this text`;

function number(
  flag: string,
  value: string | undefined,
  fallback: number,
  min: number,
  integer: boolean,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (
    value.trim() === "" ||
    !Number.isFinite(parsed) ||
    parsed < min ||
    (integer && !Number.isInteger(parsed))
  ) {
    throw new InvalidArgumentError(
      `--${flag} "${value}" is not valid; expected ${integer ? "a whole number" : "a number"} ≥ ${min}`,
    );
  }
  return parsed;
}

/** Parses the command line; a bad flag is one InvalidArgumentError line. */
export function parseMonitorArgs(argv: readonly string[]): MonitorArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InvalidArgumentError(`${message}; see pnpm monitor --help`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    throw new InvalidArgumentError(`unexpected argument "${positionals[0]}"; see pnpm monitor --help`);
  }
  if (values.json && !values.once)
    throw new InvalidArgumentError("--json goes with --once; see pnpm monitor --help");
  return {
    help: values.help === true,
    port: number("port", values.port, 8000, 0, true),
    host: values.host ?? "127.0.0.1",
    interval: number("interval", values.interval, 1, 0.1, false),
    targets: parseTargets(values.targets),
    cluster: values.cluster === true,
    ...(values.config === undefined ? {} : { config: values.config }),
    once: values.once === true,
    json: values.json === true,
    queues: (values.queues ?? "")
      .split(",")
      .map((queue) => queue.trim())
      .filter(Boolean),
    lang: resolveLang(values.lang),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      port: { type: "string" },
      host: { type: "string" },
      interval: { type: "string" },
      targets: { type: "string" },
      cluster: { type: "boolean" },
      config: { type: "string" },
      queues: { type: "string" },
      once: { type: "boolean" },
      json: { type: "boolean" },
      lang: { type: "string" },
    },
  });
}
