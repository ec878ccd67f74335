import { cliMessagesFor } from "@brokerlab/cli";
import type { DurabilityLevel } from "@brokerlab/messaging";
import type { FaultKind } from "../failover/failover-cluster.js";

/**
 * Every word `pnpm scenario` shows, in English. The Korean catalogue (ko.ts) has exactly this shape; the
 * type system refuses a missing or extra key. Metric ids, target ids and JSON keys are not translated.
 */
export const en = {
  /** The shared parser's usage errors (unknown flag, bad number, …). */
  parser: cliMessagesFor("en"),
  cli: {
    failoverHint:
      "failover (a leader SIGKILLed on the three-node cluster, at every acks level) runs only when named: pnpm scenario failover",
    help: (p: {
      scenarios: string;
      targets: string;
      min: number;
      max: number;
      messages: number;
      policyWaitS: number;
      lagS: number;
    }) => `Usage: pnpm scenario <name…|all> [--targets a,b,…] [--messages N] [--out DIR] [--json] [--cluster] [--lang en|ko]

Runs the same workload on every target against the live brokers and prints a side-by-side table per
scenario (targets as columns, one row per metric, ✓/✗ for supported). Writes results.json, report.md and a
self-contained report.html.

Scenarios (default: all):
  ${p.scenarios}
  failover: leader failures on the three-node cluster; runs only when named (pnpm scenario failover --help)

Options:
  --targets a,b,…  targets to compare (default: all)
                   ${p.targets}
  --messages N     records per scenario step, ${p.min}–${p.max} (default ${p.messages})
  --out DIR        where the report files go (default: reports/<run-id>/ at the repo root)
  --json           print the results JSON to stdout instead of the tables (progress stays on stderr)
  --cluster        run on the three-node cluster (pnpm brokers up --cluster); same as BROKERLAB_DEPLOYMENT=cluster
  --lang en|ko     language of tables, progress and reports (default: BROKERLAB_LANG, else LC_ALL/LANG,
                   so ko_KR.UTF-8 gives Korean; else English). Metric names in results.json never change.
  -h, --help       this text

Defaults keep \`pnpm scenario all\` on every target to a few minutes on a 2-core machine:
  ${p.messages} messages; the retention policy is a 1 s max age (or a quarter of the records by count) and is
  watched for at most ${p.policyWaitS} s; the lag scenario's slow consumer needs about ${p.lagS} s for all records.

Brokers: BROKERLAB_KAFKA_BROKERS, BROKERLAB_RABBITMQ_URL, BROKERLAB_REDIS_URL (default: the local ones
started by \`pnpm brokers up\`). Exit status: 0 ok, 1 a target failed or was unreachable, 2 a usage error.`,
    unknownScenario: (name: string, valid: string) =>
      `unknown scenario "${name}"; valid scenarios: ${valid}, all`,
    unknownTarget: (target: string, valid: string) => `unknown target "${target}"; valid targets: ${valid}`,
    written: (html: string) => `report: ${html} (also report.md, results.json)`,
  },
  progress: {
    connected: (target: string, version: string, address: string) => `✓ ${target}: ${version} at ${address}`,
    unreachable: (target: string, error: string) => `✗ ${target}: ${error}`,
    scenario: (index: number, total: number, name: string) => `▶ scenario ${index}/${total}: ${name}`,
    starting: "starting",
    published: (n: number) => `published ${n}`,
    seconds: (s: string) => `${s} s`,
  },
  runner: {
    failed: (reason: string) => `failed: ${reason}`,
    unsupported: (reason: string) => `unsupported: ${reason}`,
    lastStep: (reason: string, step: string) => `${reason} (last step: ${step})`,
    unsupportedStep: (what: string, reason: string) => `${what}: unsupported — ${reason}`,
    notConnected: "not connected",
  },
  report: {
    title: "brokerlab: the same workload on every target",
    markdownTitle: "brokerlab scenarios",
    intro: (runId: string) =>
      `Kafka, RabbitMQ and Redis side by side. Every number was measured on the live brokers during run ${runId}; a target that cannot do a step is shown unsupported with its reason.`,
    markdownIntro: (runId: string, startedAt: string) =>
      `Run \`${runId}\`, started ${startedAt}. Every number below was measured on the live brokers during this run.`,
    brokerAt: (target: string, version: string, address: string) => `${target}: ${version} at ${address}`,
    brokerUnreachable: (target: string, address: string, error: string) =>
      `${target}: ${address} — unreachable: ${error}`,
    parameters: (list: string) => `Parameters: ${list}`,
    metric: "metric",
    supported: "supported",
    why: "why",
    error: "error",
    note: "note",
    contents: "Contents",
    footer: (runId: string, startedAt: string, finishedAt: string | undefined, schema: string) =>
      `run ${runId} · started ${startedAt}${finishedAt ? ` · finished ${finishedAt}` : ""} · schema ${schema}`,
    chartTexts: { noData: "no data", log: "log" },
  },
  /** Row labels of the side-by-side tables, by metric id (results.json keeps the ids). */
  metrics: {
    produced: "records produced",
    consumed: "records consumed",
    retainedAfterConsume: "stored after consume",
    completedKept: "kept in completed set",
    failedKept: "kept in failed set",
    policy: "retention policy",
    policyProduced: "produced under policy",
    retainedAfterPolicy: "stored under policy",
    policySeconds: "policy dropped after s",
    replayFrom: "replay from record",
    replayed: "replayed from position",
    firstReplayed: "first replayed position",
    firstReplayedRecord: "first replayed record",
    replayedFromTimestamp: "replayed from timestamp",
    firstReplayedFromTimestamp: "first record by timestamp",
    storedBeforeConsume: "stored before consume",
    storedAfterAck: "stored after half acked",
    redeliveredAfterNack: "nacked record came back",
    partitions: "partitions",
    keys: "keys",
    keysOnOnePartition: "keys on one partition",
    keyedPartitionsUsed: "partitions used, keyed",
    unkeyedPartitionsUsed: "partitions used, unkeyed",
    unkeyedMostOnOnePartition: "most on one partition",
    roundRobinMeanRun: "round-robin: mean run",
    roundRobinLongestRun: "round-robin: longest run",
    roundRobinPartitionsUsed: "round-robin: partitions",
    roundRobinMostOnOnePartition: "round-robin: most on one",
    stickyMeanRun: "sticky: mean run",
    stickyLongestRun: "sticky: longest run",
    stickyPartitionsUsed: "sticky: partitions",
    keysElsewhereUnderLibrdkafkaDefault: "elsewhere, librdkafka default",
    stickyMostOnOnePartition: "sticky: most on one",
    partitionsBefore: "partitions before",
    partitionsAfter: "partitions after adding",
    keysMoved: "keys moved",
    keysMovedFraction: "share of keys moved",
    keysMovedSameProducer: "moved, running producer",
    decreaseRefused: "decrease refused",
    decreaseError: "decrease error",
    partitionsAfterDecrease: "partitions after decrease",
    groupA: "group A received",
    groupB: "group B received",
    everyGroupGetsAll: "every group gets all",
    consumerOne: "same group: consumer 1",
    consumerTwo: "same group: consumer 2",
    consumersSplit: "consumers split records",
    outOfOrderOneConsumer: "out of order, 1 consumer",
    outOfOrder: "out of order, 3 consumers",
    outOfOrderWithRedelivery: "out of order, redelivery",
    processedWithRedelivery: "processed, redelivery",
    throughputNone: "records/s, none (acks 0)",
    throughputLeader: "records/s, leader (acks 1)",
    throughputReplicated: "records/s, all (acks all)",
    storedNone: "stored, none",
    storedLeader: "stored, leader",
    storedReplicated: "stored, all",
    maxLag: "max consumer lag",
    finalLag: "final consumer lag",
    caughtUpSeconds: "caught up after s",
    produceSeconds: "producing took s",
    samples: "lag samples",
    samplesWhileProducing: "samples while producing",
    maxLagSeconds: "max lag in seconds",
    statusTimeline: "status timeline",
    sawWarn: "status went WARN",
    stoppedStatus: "status, consumer stopped",
  },
  retention: {
    title: "Retention: what the broker still stores after every record was consumed",
    explanation:
      "A log (Kafka, RabbitMQ streams, Redis streams) keeps records after they are consumed and acknowledged — only a retention policy removes them, and Kafka and streams drop whole segments (the newest, active segment stays) — while a queue deletes each record once it is acknowledged.",
    consumedAsking: (consumed: number, n: number) => `consumed ${consumed}/${n}, asking what is still stored`,
    policyStep: (policy: string) => `retention policy: ${policy}`,
    policyHolds: (n: number) => `policy topic holds ${n}; watching it`,
    droppedAfter: (s: string) => `broker dropped records after ${s} s`,
    noPolicy: (target: string) =>
      `retention policy: ${target} declares no way for the broker to drop stored records`,
    inspectionFailed: (error: string) => `an inspection failed while the broker dropped data: ${error}`,
    nothingDropped: (policy: string, s: number) =>
      `retention policy (${policy}): nothing dropped within ${s} s`,
    keepsAll: (n: number) => `keeps all ${n} after consumption`,
    storesSome: (stored: number, n: number, completed: number | undefined) =>
      `stores ${stored} of ${n} after consumption${completed === undefined ? "" : ` (its completed set keeps ${completed})`}`,
    noPolicySummary: "no retention policy",
    policyNothing: (policy: string) => `policy (${policy}) dropped nothing in time`,
    policyDropped: (policy: string, s: number, left: number) =>
      `policy (${policy}) dropped data after ${s} s, ${left} left`,
    chartTitle: "Retention policy: records stored over time",
    chartX: "seconds since the topic was created",
    chartY: "records stored",
    chartDescription:
      "Each target gets its shortest declared policy; the count falls when the broker drops data.",
  },
  replay: {
    title: "Replay: a new reader goes back to an earlier position",
    explanation:
      "On a log every record has an offset, and a new reader (or a group that resets its offset) can start at any retained offset or timestamp and read forward again; a queue has no offsets to go back to, because acknowledged records are gone.",
    groupConsumed: (consumed: number, n: number, from: number) =>
      `group consumed ${consumed}/${n}; replaying from record ${from}`,
    byTimestamp: "replay by timestamp",
    summary: (replayed: number, position: string, byTime: number | undefined) =>
      `replayed ${replayed} records from position ${position}${byTime === undefined ? ", no replay by timestamp" : `, ${byTime} from a timestamp`}`,
    chartTitle: "Records a new reader received when starting mid-way",
    chartY: "records",
    fromPosition: "from position",
    fromTimestamp: "from timestamp",
  },
  deleteOnConsume: {
    title: "Delete on consume: acknowledging removes the record from a queue",
    explanation:
      "A message broker forgets a record once a consumer acknowledges it, and gives an unacknowledged (nacked) one back to be delivered again; an event log only moves the group's committed offset and keeps every record.",
    acknowledged: (acked: number, stored: number) =>
      `acknowledged ${acked}; broker stores ${stored}; nacking one`,
    nackRequeue: "nack with requeue",
    summary: (p: { acked: number; stored: number; before: number; redelivered: boolean }) =>
      `after ${p.acked} acknowledged it ${p.stored === p.before ? `still stores all ${p.stored}` : `stores ${p.stored} of ${p.before}`}; a nacked record ${p.redelivered ? "came back" : "did not come back"}`,
    chartTitle: "Records stored before and after half were acknowledged",
    chartY: "records stored",
    before: "before consuming",
    after: "after half acknowledged",
  },
  partitioning: {
    title: "Partitioning: keys pick a partition by hash, unkeyed records spread",
    explanation:
      "A Kafka topic is split into partitions; the producer's partitioner sends a keyed record to hash(key) mod partitions (so one key always lands on one partition, in order) and spreads unkeyed records; queues and streams have no partitions — one queue holds everything.",
    unkeyedExplanation:
      "Unkeyed records can spread two ways. Round-robin sends each record to the next partition (runs of 1); sticky partitioning fills one batch for one partition and then moves on (long runs, the same totals over time). A run is how many consecutive records landed on the same partition. The Java client's default has been sticky since Kafka 2.4 (KIP-480, DefaultPartitioner / UniformStickyPartitioner) and, since 3.3, the built-in uniform sticky partitioner (KIP-794) that switches partition after batch.size bytes; per-record round-robin is only the explicit RoundRobinPartitioner.",
    noPartitionsReason: (target: string, n: number) =>
      `${target} has no partitions: all ${n} records went to one queue, in arrival order`,
    noPartitions: (n: number) => `no partitions: all ${n} records in one queue/stream`,
    summary: (p: { onOne: number; keys: number; used: number; partitions: number }) =>
      `${p.onOne}/${p.keys} keys stayed on one partition; unkeyed records used ${p.used} of ${p.partitions} partitions`,
    modes: (roundRobin: string, sticky: string) => `unkeyed, round-robin: ${roundRobin}; sticky: ${sticky}`,
    modeStep: (mode: string) => `unkeyed records through a ${mode} producer`,
    legend: [
      "Unkeyed rows: round-robin puts each record on the next partition, sticky fills a 16 KiB batch (16 records of 1 KiB) for one partition before moving on; a run is consecutive records on one partition.",
      "The Java client's default for unkeyed records is sticky: since Kafka 2.4 (KIP-480) and, switching by batch bytes, since 3.3 (KIP-794); per-record round-robin only with RoundRobinPartitioner.",
      "Elsewhere, librdkafka default: of the keys, how many a producer with librdkafka's default partitioner (consistent_random, CRC32) puts on another partition than the Java client's murmur2 does; measured where the target's client has that partitioner. A Java and a C/Python/Go service sharing a topic then split one key's records over two partitions.",
    ],
    spread: (used: number, meanRun: number, most: number) =>
      `${used} partitions, runs of ${meanRun} on average, at most ${most} on one`,
    chartTitle: "Records per partition",
    chartX: "partition",
    chartY: "records",
    keyed: "keyed",
    unkeyed: "unkeyed",
    roundRobin: "round-robin",
    sticky: "sticky",
  },
  partitionsIncrease: {
    title: "Adding partitions: allowed, removing them is not — and keys move",
    explanation:
      "Kafka can add partitions to a topic but never remove them; since a key's partition is hash(key) mod partitions, adding partitions sends some existing keys to a new partition, so per-key order across the change is no longer guaranteed.",
    grew: (from: number, to: number) => `grew ${from} → ${to} partitions; publishing the same keys again`,
    noPartitions: "no partitions to add",
    summary: (p: {
      from: number;
      to: number;
      refused: boolean;
      moved: number;
      keys: number;
      sameProducer: number;
    }) =>
      `${p.from} → ${p.to} partitions worked, ${p.to} → ${p.from} ${p.refused ? "was refused" : "was accepted"}; ${p.moved}/${p.keys} keys now map to another partition (${p.sameProducer} for the producer that was already running)`,
  },
  consumerGroups: {
    title: "Consumer groups versus competing consumers",
    explanation:
      "Kafka keeps one committed offset per group, so every group reads every record (publish/subscribe) while consumers inside one group split the partitions; a queue is a single group — all its consumers compete for the same records.",
    twoGroups: (a: number, b: number) => `two groups got ${a} and ${b}; now two consumers in one group`,
    eachGotAll: (n: number) => `each of two groups got all ${n}`,
    groupsShared: (n: number, a: number, b: number) => `two groups shared ${n} (${a} + ${b})`,
    split: (one: number, two: number) => `two consumers in one group split them ${one} + ${two}`,
    notSplit: (one: number, two: number) => `two consumers in one group got ${one} and ${two}`,
    chartTitle: "Records each consumer received",
    chartY: "records",
    groupA: "group A",
    groupB: "group B",
    consumerOne: "same group: consumer 1",
    consumerTwo: "same group: consumer 2",
  },
  ordering: {
    title: "Ordering: per-key order with one and with three consumers",
    explanation:
      "Kafka guarantees order within a partition and one consumer of a group owns each partition, so per-key order survives scaling out; a queue is ordered, but competing consumers process neighbouring records in parallel, and a redelivered record arrives after later ones.",
    oneConsumer: (n: number) => `one consumer: ${n} out of order; now three consumers`,
    threeConsumers: (n: number) => `three consumers: ${n} out of order; now with a redelivery`,
    redelivery: "redelivery",
    summary: (one: number, three: number, redelivery: number | undefined) =>
      `out of order per key: ${one} with one consumer, ${three} with three, ${redelivery === undefined ? "no redelivery possible" : `${redelivery} with three and a redelivery`}`,
    chartTitle: "Out-of-order deliveries per key",
    chartY: "records processed out of order",
    one: "one consumer",
    three: "three consumers",
    threeRedelivery: "three + redelivery",
  },
  acks: {
    title: "Acknowledgement levels: what each durability level costs in publish throughput",
    explanation:
      "acks=0 (none) does not wait for the broker, acks=1 (leader) waits for the leader partition to write it, acks=all (replicated) also waits for every in-sync follower (the ISR); RabbitMQ's publisher confirms and Redis' reply play the same roles. Each record is published and awaited on its own, so the rate shows the round trip each level costs. On single nodes `replicated` is refused (one broker has no follower to wait for: the adapter says to use the cluster); with --cluster it is acks=all on RF 3 with min.insync.replicas 2, a quorum queue or stream of three members, Redis WAIT for a replica.",
    durability: (level: string) => `durability "${level}"`,
    rate: (level: string, rate: number) => `durability ${level}: ${rate} records/s`,
    none: "no durability level available",
    summary: (levels: string) => `publish rate by level: ${levels}`,
    levelRate: (level: string, rate: number) => `${level} ${rate}/s`,
    chartTitle: "Publish throughput by durability level (one record per awaited publish)",
    chartY: "records per second",
    levels: { none: "none (acks 0)", leader: "leader (acks 1)", replicated: "replicated (acks all)" },
  },
  lag: {
    title: "Consumer lag: a slow consumer falls behind and catches up",
    explanation:
      "Lag is how far a group is behind the producer: for Kafka the log-end offset minus the committed offset, per partition (what Burrow watches); for RabbitMQ the ready plus unacknowledged messages, for Redis streams XINFO GROUPS lag, for BullMQ the waiting jobs. The status comes from pnpm monitor's evaluator (Burrow's rules) on the same samples: WARN while the lag grows at every move, OK once caught up, STOP once the consumer has stopped; lag in seconds is kafka-lag-exporter's interpolation.",
    produced: (n: number, consumed: number) =>
      `produced ${n}; consumer at ${consumed}, waiting for lag to reach 0`,
    caughtUp: (max: number, s: number) => `lag peaked at ${max} and reached 0 after ${s} s`,
    behind: (max: number, final: number) => `lag peaked at ${max} and was still ${final} at the end`,
    stopping: (extra: number) =>
      `consumer stopped; ${extra} more produced, waiting for the evaluator to say STOP`,
    timeline: (text: string) => `status (pnpm monitor's evaluator): ${text}`,
    chartTitle: "Consumer lag over time",
    chartX: "seconds since the producer started",
    chartY: "records behind",
  },
  failover: {
    title:
      "Failover: what each broker loses, duplicates and reorders when the leader dies, at every acks level",
    explanation:
      "A producer publishes numbered records over a few keys at a steady rate with a bounded retry policy while a consumer group reads along; a third of the way in the node leading the partition, queue or stream (or the Redis primary) is faulted, two thirds in it is brought back, then a fresh reader reads everything stored. One checker computes every number from the history file alone (Jepsen's queue checker is the model): lost = acknowledged but never delivered, recovered = unknown outcome but delivered, duplicates = stored twice, outOfOrder = a key's record read after a later one.",
    help: (p: { targets: string; keys: number; rate: number; seconds: number }) =>
      `Usage: pnpm scenario failover [--targets a,b,…] [--levels none,leader,replicated] [--faults kill,pause,isolate]
                              [--rate N] [--seconds S] [--out DIR] [--json] [--lang en|ko]

On the three-node cluster (brought up if missing): per target × durability level it declares there × fault, a
producer publishes numbered records over ${p.keys} keys at a steady rate with bounded retries while a
consumer group reads along; the node leading the destination (partition, queue, stream, Redis primary) is
faulted a third of the way in and brought back two thirds in; a fresh reader then reads everything stored.
Each broker is faulted once while all its columns publish at once. Every attempt and read goes to
<out>/failover/<target>-<level>-<fault>.history.jsonl; one checker computes the table from those files.

Options:
  --targets a,b,…   targets (default: all): ${p.targets}
  --levels …        durability levels to run where declared (default: all three)
  --faults …        kill (SIGKILL, then start), pause (SIGSTOP, then SIGCONT), isolate (cut off from its peers,
                    then healed); default kill
  --rate N          records per second per column, 10–2000 (default ${p.rate})
  --seconds S       publishing time, 6–120 (default ${p.seconds})
  --out DIR         where the report and history files go (default: reports/<run-id>/)
  --json            print the results JSON to stdout instead of the table
  --lang en|ko      language of the table, progress and report (default: BROKERLAB_LANG, else LC_ALL/LANG)
  -h, --help        this text

Exit status: 0 ok, 1 a run failed, 2 a usage error.`,
    /** Row labels where failover's metric means something other than the shared label says. */
    metrics: { outOfOrder: "out of order (per key)" },
    /** The notes' words for each durability level, broker-neutral (each target maps them to its own mechanism). */
    levels: {
      none: "fire-and-forget (acks=0, no confirms, no reply awaited)",
      leader: "leader-only acks (acks=1, a confirm from one node, the primary's reply)",
      replicated:
        "replicated acks (acks=all with min.insync.replicas=2, quorum confirms, WAIT for a replica)",
    } satisfies Record<DurabilityLevel, string>,
    idempotent: (level: string) => `${level} with the idempotent producer`,
    /** How the leader failed, as a clause of the reading. */
    faults: {
      kill: (node: string) => `when the leader ${node} was SIGKILLed`,
      pause: (node: string) => `when the leader ${node} hung (SIGSTOP)`,
      isolate: (node: string) => `when the leader ${node} was cut off from its peers`,
    } satisfies Record<FaultKind, (node: string) => string>,
    noFault: "with no fault injected",
    lostNothing: (level: string, acknowledged: number, fault: string) =>
      `${level} lost nothing of ${acknowledged} acknowledged records ${fault}`,
    lost: (level: string, lost: number, acknowledged: number, fault: string) =>
      `${level} lost ${lost} of ${acknowledged} acknowledged records ${fault}`,
    lossPossible: "loss is possible at this level, this run just did not hit it",
    lossWarned: "the notes warn this level may lose data",
    replicatedLost: "a replicated acknowledgement should not be lost",
    noAckAfterFault: "no publish was acknowledged after the fault",
    tookOver: (node: string) => `${node} took over`,
    firstAck: (seconds: number) => `first acknowledgement ${seconds} s after the fault`,
    redelivered: (n: number) => `${n} delivered again after their acknowledgement (at-least-once delivery)`,
    storedTwice: (n: number, resent: number, own: number) =>
      `${n} stored twice (${resent} re-sent by the application after an unknown outcome${own ? `, ${own} by the client's own retries` : ""})`,
    vanished: (n: number) => `${n} read by the group are gone from the log`,
    recovered: (n: number) => `${n} of unknown outcome were stored after all`,
    freshIncomplete: "the fresh reader's wait ran out: counts may be incomplete",
    /** Joins the clauses of one reading. */
    separator: "; ",
    failed: (error: string) => `failed: ${error}`,
    chart: {
      publishes: (target: string) => `${target}: publishes over time`,
      x: "seconds since the run started",
      perSecond: "per second",
      acknowledged: (variant: string) => `${variant} acknowledged`,
      notAcknowledged: (variant: string) => `${variant} failed/unknown`,
      inSync: (target: string) =>
        `${target}: replicas in sync (Kafka ISR, quorum members online, Redis replicas streaming)`,
      inSyncY: "in sync",
      faulted: (node: string) => `${node} faulted`,
      leader: "leader",
      broughtBack: "brought back",
    },
    progress: {
      cluster: (brokers: string) => `cluster: ${brokers} (bringing up what is not running)`,
      phase: (broker: string, fault: string) => `${broker}: ${fault} the leader`,
      publishing: (runs: number, broker: string, node: string, seconds: number) =>
        `${runs} runs on ${broker}, destinations led by ${node}: publishing for ${seconds} s`,
      action: (action: string, node: string) => `${action} ${node}`,
      producersDone: (broker: string) => `producers done; waiting for ${broker} to be healthy`,
      notHealthy: (error: string) => `not healthy: ${error}`,
      readingBack: "reading back",
      written: (html: string, histories: string) =>
        `report: ${html} (also report.md, results.json; histories in ${histories})`,
    },
  },
  verdict: {
    title: "Message broker or event broker?",
    explanation:
      "The notes end by telling message brokers (RabbitMQ, Redis queues: a record is deleted soon after it is processed) from event brokers (Kafka, Kinesis: one ledger indexed by offset that keeps events and can also serve as a message broker). Here each target is classified from the rows measured above in this very run, not from a fixed table.",
    properties: {
      keepsAfterConsume: "keeps after consume",
      replaysFromOffset: "replays from offset",
      everyGroupGetsAll: "every group gets all",
      keyOrderCompeting: "key order, 3 consumers",
      deletesOnAck: "deletes on ack",
    },
    kind: "broker kind",
    /** Short, for a table cell; the sentences under the table say it in full. */
    kinds: { event: "event", message: "message", mixed: "mixed" },
    property: "measured property",
    sentence: (p: {
      target: string;
      kind: "event" | "message" | "mixed";
      keeps: boolean | null;
      replays: boolean | null;
      groups: boolean | null;
      order: boolean | null;
      deletes: boolean | null;
    }) => {
      const said = (value: boolean | null, yes: string, no: string) =>
        value === null ? undefined : value ? yes : no;
      const facts = [
        said(p.keeps, "kept every record after consumption", "did not keep consumed records"),
        said(p.replays, "let a new reader replay from an offset", "could not replay"),
        said(p.groups, "gave every group all records", "made its consumers share the records"),
        said(
          p.order,
          "kept per-key order under competing consumers",
          "lost per-key order under competing consumers",
        ),
        said(p.deletes, "deleted records on acknowledgement", "kept them when acknowledged"),
      ].filter((fact): fact is string => fact !== undefined);
      const kind = {
        event: "an event broker",
        message: "a message broker",
        mixed: "between a message and an event broker",
      }[p.kind];
      const last = facts.length > 1 ? `, and ${facts.at(-1)}` : (facts[0] ?? "");
      return `${p.target} is ${kind} here: it ${facts.length > 1 ? facts.slice(0, -1).join(", ") : ""}${last}.`;
    },
  },
};

export type Messages = typeof en;
export type MetricId = keyof Messages["metrics"];
