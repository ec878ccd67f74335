/**
 * Every word `pnpm monitor` prints in the terminal (the `--once` table and the log lines), in English; ko.ts has
 * exactly this shape (the compiler checks it). The page's own texts are in page/strings.ts. Burrow's status
 * words (OK, WARN, STOP…), cluster names, group names and errors quoted from a client stay as they are.
 */
export const en = {
  usage: (targets: string) => `Usage:
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
  --targets LIST    only these kinds of target (default all): ${targets}
  --cluster         also watch the three-node cluster even if it does not answer yet
  --config FILE     YAML file of named clusters (replaces the defaults)
  --queues LIST     RabbitMQ queues to read by AMQP passive declare where the management API is off
  --once            read every cluster, print one snapshot and exit
  --json            with --once: the snapshot as JSON (the /api/snapshot document)
  --lang en|ko      language of the page and the terminal (default: BROKERLAB_LANG, else LC_ALL/LANG, so
                    ko_KR.UTF-8 gives Korean; else English); the API and /metrics never change
  -h, --help        this text`,
  once: {
    headers: {
      cluster: "cluster",
      group: "group",
      kind: "kind",
      status: "status",
      totalLag: "totallag",
      lagSeconds: "lag s",
      note: "note",
    },
    error: "ERROR",
    queueDepth: "queue depth",
    partitions: (n: number) => `${n} partitions`,
  },
  log: {
    watching: (clusters: string) => `watching ${clusters}`,
    serving: (url: string) => `${url} (Burrow API under /v3/kafka, Prometheus at /metrics); Ctrl-C stops`,
    stopping: (signal: string) => `${signal}: stopping`,
    reachableAgain: (cluster: string) => `${cluster}: reachable again`,
    cannotFollow: (cluster: string, error: string) => `${cluster}: cannot follow the commit log: ${error}`,
    cannotRead: (broker: string, addresses: string, error: string) =>
      `cannot read ${broker} at ${addresses}: ${error}`,
    reading: (addresses: string) => `reading ${addresses}`,
    unexpected: (error: string) => `unexpected error: ${error}`,
  },
};

export type MonitorMessages = typeof en;
