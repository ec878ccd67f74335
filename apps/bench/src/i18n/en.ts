import type { BenchPhase } from "@brokerlab/bench";
import { cliMessagesFor } from "@brokerlab/cli";

/**
 * Every word `pnpm bench` shows, in English; ko.ts has exactly this shape (the compiler checks it).
 * Target ids, flags, JSON keys and the workload's own field names are not translated.
 */
export const en = {
  /** The shared parser's usage errors (unknown flag, bad number, …). */
  parser: cliMessagesFor("en"),
  cli: {
    usage: (targets: string) => `Usage:
  pnpm bench --workload FILE [--targets a,b] [--duration S] [--warmup S] [--rate N] [--workers W] [--cluster] [--out DIR] [--lang en|ko]
  pnpm bench --yardstick [--consume | --end-to-end [--rate N]] [--workload FILE] [--targets a,b] [--duration S]
                    [--cluster] [--out DIR] [--lang en|ko]
  pnpm bench worker [--port P] [--host H]     a bench worker: runs the producers/consumers a coordinator gives it
  pnpm bench compare A.json B.json            two runs' results side by side, ratios, a mark where within noise
  pnpm bench --soak MINUTES [--workload FILE] [--targets a,b] [--rate N] [--out DIR]
                                              every target at once, each in its own worker, with the monitor;
                                              memory of each process and broker once a minute

Runs a workload (OpenMessaging Benchmark YAML fields, see apps/bench/README.md) on each target in turn and
writes results.json, report.md and report.html (default reports/bench-<run-id>/).

Options:
  --workload FILE   workload YAML (e.g. workloads/1-topic-16-partitions-1kb.yaml)
  --targets LIST    comma-separated targets (default all): ${targets}
  --cluster         run on the three-node cluster (pnpm brokers up --cluster); = BROKERLAB_DEPLOYMENT=cluster
  --duration S      timed run in seconds (replaces the workload's test duration; also caps the
                    warm-up at S/4 unless --warmup is given); yardstick: seconds each of adapter and
                    raw client publish, in interleaved one-second slices (default 60: a
                    single second here swings ±20 %, the median of 30 rounds settles)
  --warmup S        warm-up seconds, excluded from the results
  --rate N          producer rate, messages/s over all producers (0 = find the highest sustainable)
  --workers W       where producers and consumers run: N local worker processes (producers and consumers
                    on different ones), "auto" (enough that no worker should pass ~70 % of a core, at
                    most the machine's cores), or URLs of running workers: http://host:port,…
                    (default: all in this process)
  --out DIR         where to write the reports
  --yardstick       publish at max rate through the adapter, through the raw client, and with the
                    broker's own tool (Kafka ProducerPerformance, RabbitMQ PerfTest, redis-benchmark)
  --consume         with --yardstick: consume and acknowledge a topic filled before each slice, through
                    the adapter and through the raw client's loop (kafkajs eachBatch, amqplib, XREADGROUP +
                    XACK, LMOVE + LREM, a BullMQ Worker), and with Kafka ConsumerPerformance / PerfTest
                    consumers; rates and bench CPU per record
  --end-to-end      with --yardstick: the adapter and the raw publisher + raw consumer, each at --rate msg/s
                    (default workload workloads/smoke.yaml, 128-byte records) in interleaved 5 s slices;
                    bench CPU per record end to end of each, and adapter ÷ raw
  --soak MINUTES    a long run: every target at once at the workload's rate (default workloads/soak.yaml,
                    200 msg/s each), each in its own worker process, the monitor beside them; records
                    each process's RSS and heap and each broker's memory once a minute and whether
                    anything grew past warm-up (minute 5)
  --lang en|ko      language of tables, progress and reports (default: BROKERLAB_LANG, else LC_ALL/LANG,
                    so ko_KR.UTF-8 gives Korean; else English); results.json never changes
  -h, --help        this text`,
    yardstickSide: "--consume and --end-to-end are modes of --yardstick, one at a time (see --help)",
    soakAlone:
      "--soak runs every target in its own worker for MINUTES; it does not take --workers, --duration or --yardstick",
    workloadRequired: "--workload FILE is required (e.g. --workload workloads/smoke.yaml); see --help",
    unknownTarget: (target: string, valid: string) => `unknown target "${target}"; valid targets: ${valid}`,
    warning: (text: string) => `warning: ${text}`,
    workers: (where: string) => `workers: ${where}`,
    starting: (workload: string, targets: string, warmup: number, seconds: number) =>
      `${workload}: ${targets}; ${warmup} s warm-up + ${seconds} s each`,
    targetDone: (target: string, summary: string) => `[${target}] done: ${summary}`,
    targetSummary: (publish: string, consume: string, p99: string) =>
      `publish ${publish} msg/s, consume ${consume} msg/s, e2e p99 ${p99} ms`,
    failed: (error: string) => `FAILED: ${error}`,
    reports: (json: string, markdown: string, html: string) =>
      `reports: ${json}\n         ${markdown}\n         ${html}`,
  },
  worker: {
    usage: `Usage: pnpm bench worker [--port P] [--host H] [--lang en|ko]

Starts a bench worker: an HTTP service (as OpenMessaging Benchmark's workers are) that runs the producers and
consumers a coordinator (pnpm bench --workers http://host:P,…) gives it and answers with per-second counts and
encoded HdrHistograms. It serves one run at a time and keeps running until Ctrl-C.

Options:
  --port P   port to listen on (default 7401; 0 = any free port, printed at start)
  --host H   address to listen on (default 127.0.0.1; 0.0.0.0 to accept coordinators on other machines:
             the service has no authentication, so only on a trusted network)
  -h, --help this text`,
  },
  compare: {
    usage: `Usage: pnpm bench compare A.json B.json [--lang en|ko]

Puts two bench runs (results.json of each) side by side: per target and metric A, B and B ÷ A, with "≈" where
the difference is within the runs' own noise (the spread of their per-second rates; for latencies, 10 %).`,
    needsTwo: "bench compare needs exactly two results.json files: pnpm bench compare A.json B.json",
    run: (side: string, file: string, runId: string, workers: number | undefined) =>
      `${side}: ${file} (${runId}, ${workers === undefined ? "in-process" : `${workers} workers`})`,
    headers: { target: "target", metric: "metric", ratio: "B ÷ A" },
    withinNoise: "≈ within noise",
    onlyIn: (target: string, side: string) => `${target} only in ${side}`,
    notFound: (file: string) => `${file} not found; pass a bench run's results.json`,
    notJson: (file: string) => `${file} is not JSON; pass a bench run's results.json`,
    wrongSchema: (file: string, expected: string, schema: string) =>
      `${file} is not ${expected} (schema: ${schema}); pass a bench run's results.json`,
    metrics: {
      offeredRate: "offered rate (msg/s)",
      publish: "publish (msg/s)",
      consume: "consume (msg/s)",
      publishP50: "publish latency p50 (ms)",
      publishP99: "publish latency p99 (ms)",
      endToEndP50: "end-to-end p50 (ms)",
      endToEndP99: "end-to-end p99 (ms)",
      endToEndP999: "end-to-end p99.9 (ms)",
      delayP50: "publish delay p50 (µs)",
      delayP99: "publish delay p99 (µs)",
      benchCpu: "bench CPU (% of 1 core)",
    },
  },
  progress: {
    detail: (target: string, phase: string, second: string, detail: string) =>
      `[${target}] ${phase} ${second}s  ${detail}`,
    line: (p: {
      target: string;
      phase: string;
      second: string;
      rate: string;
      publish: string;
      consume: string;
      backlog: string;
    }) =>
      `[${p.target}] ${p.phase} ${p.second}s  offered ${p.rate}/s  publish ${p.publish}/s  consume ${p.consume}/s  backlog ${p.backlog}`,
    max: "max",
    phases: {
      setup: "setup",
      ready: "ready",
      search: "search",
      warmup: "warmup",
      backlog: "backlog",
      drain: "drain",
      test: "test",
    } satisfies Record<BenchPhase, string>,
  },
  report: {
    workload: "workload",
    sideBySide: (name: string) => `${name}: side by side`,
    metric: "metric",
    status: "status",
    failedCell: "FAILED",
    ok: "ok",
    durability: "durability",
    partitions: "partitions",
    setupSeconds: "setup (s)",
    offeredRate: "offered rate (msg/s)",
    publishMsgs: "publish (msg/s)",
    publishMBs: "publish (MB/s)",
    consumeMsgs: "consume (msg/s)",
    consumeMBs: "consume (MB/s)",
    publishLatency: "publish latency",
    endToEnd: "end-to-end",
    publishDelay: "publish delay",
    backlogAtEnd: "backlog at end (msg)",
    errors: "errors",
    benchCpu: "bench CPU (% of 1 core)",
    busiestProcess: "busiest bench process (% of 1 core)",
    cpuPerPublished: "bench CPU per record published (µs)",
    cpuPerConsumed: "bench CPU per record consumed (µs)",
    cpuPerRecordEndToEnd: "bench CPU per record, publish + consume (µs)",
    machineCpu: "machine CPU (% of all cores)",
    limit: "what set the limit",
    processTitle: "Bench processes during the timed run",
    processHeaders: {
      target: "target",
      role: "role",
      where: "where",
      pid: "pid",
      cpu: "CPU (% of 1 core)",
      published: "published",
      consumed: "consumed",
      perRecord: "µs CPU per record",
    },
    perPublished: (us: number) => `${us} per published`,
    perConsumed: (us: number) => `${us} per consumed`,
    perRecord: (us: number) => `${us} per published or consumed`,
    inProcess:
      "Producers and consumers ran in the bench's own process (one Node thread); end-to-end latency uses one clock.",
    onWorkers: (count: number, spawned: boolean) =>
      `Producers and consumers ran on ${count} bench worker(s) (${spawned ? "started by this run" : "given by URL"}), producers and consumers on different ones; latency percentiles are of the merged HdrHistograms.`,
    severalMachines: (hosts: number, skews: string) =>
      `Workers on ${hosts} machines: end-to-end latency compares a producer's clock with a consumer's, so those clocks must be synchronised (NTP/PTP); measured clock offsets at start: ${skews}.`,
    oneMachine: (host: string, skews: string) =>
      `All workers on one machine (${host}): end-to-end latency uses its system clock at µs resolution; clock offsets measured at start (within the round trip): ${skews}.`,
    limitNote: (target: string, kind: string, reason: string) => `${target}: limit ${kind}: ${reason}`,
    settingsNote: (target: string, settings: string) => `${target}: settings in effect: ${settings}`,
    hotProcess: (target: string, role: string, where: string, percent: number) =>
      `${target}: the ${role} process ${where} used ${percent} % of a core, above the ~70 % that leaves headroom; more workers (--workers N) spread it`,
    benchProcesses: "Bench processes",
    environment: (p: {
      cpuModel: string;
      cores: number;
      node: string;
      platform: string;
      libraries: string;
    }) =>
      `${p.cpuModel ? `${p.cpuModel}, ` : ""}${p.cores} cores, Node ${p.node}, ${p.platform}${p.libraries ? `; clients ${p.libraries}` : ""}`,
    yardstickTitle: "Yardstick: publish at max rate",
    consumeTitle: "Yardstick: consume and acknowledge a filled topic",
    endToEndTitle: (rate: number) => `Yardstick: end to end at ${rate} msg/s`,
    endToEndHeaders: {
      target: "target",
      offered: "offered msg/s",
      adapter: "adapter consumed msg/s",
      raw: "raw client consumed msg/s",
      cpuPerRecord: "µs CPU per record end to end (adapter / raw)",
      cpuVsRaw: "CPU adapter ÷ raw",
      benchThread: "bench JS thread (% of 1 core)",
    },
    yardstickHeaders: {
      target: "target",
      adapter: "adapter msg/s",
      raw: "raw client msg/s",
      adapterVsRaw: "adapter ÷ raw",
      nativeTool: "native tool",
      native: "native msg/s",
      adapterVsNative: "adapter ÷ native",
      ceiling: "client ceiling (raw ÷ native)",
      benchThread: "bench JS thread (% of 1 core)",
      cpuPerRecord: "µs CPU per record (adapter / raw)",
      cpuVsRaw: "CPU adapter ÷ raw",
    },
    /** A ratio whose per-round values disagree too much for one figure: the middle half of the rounds. */
    tooWide: (p25: number, p75: number) => `too wide (${p25}–${p75})`,
    clientBound: "client-bound",
    describeWorkload: (w: {
      topics: string;
      partitions: string;
      size: string;
      rate: string;
      producers: string;
      subscriptions: string;
      consumers: string;
      keys: string;
      warmup: string;
      seconds: string;
      backlogGB: string | undefined;
    }) =>
      `${w.topics} topic(s) × ${w.partitions} partition(s), ${w.size}-byte messages, ${w.rate} from ` +
      `${w.producers} producer(s) per topic, ${w.subscriptions} subscription(s) × ${w.consumers} consumer(s), ` +
      `keys ${w.keys}, ${w.warmup} s warm-up (excluded) then ${w.seconds} s measured` +
      (w.backlogGB ? `, after building and draining a ${w.backlogGB} GB backlog` : "") +
      ".",
    searchedRate: "the highest sustainable rate (searched)",
    fixedRate: (rate: string) => `${rate} msg/s`,
    meaning: [
      "publish latency: send → broker acknowledgement at the durability shown.",
      "end-to-end: producer timestamp in the record → consumer receipt, µs resolution (across workers: their clocks, see below).",
      "publish delay: intended send time (from the rate limiter) → actual send; it grows when a producer cannot keep up, which is the coordinated-omission signal a plain latency histogram hides.",
      "bench CPU: all bench processes' CPU during the timed run; a single process near 100 % of one core means the bench, not the broker, is the limit (Node runs a process's producers and consumers on one thread): spread them over workers (--workers).",
      "what set the limit: offered (a fixed rate was met), worker-bound (a bench process near a full core), machine-bound (all cores busy: the honest answer when the broker shares the machine), or broker.",
    ],
    failedNote: (target: string, error: string) => `${target}: FAILED: ${error}`,
    errorDuringRun: (target: string, error: string) => `${target}: error during the run: ${error}`,
    backlogNote: (
      target: string,
      built: number,
      buildS: number,
      drainS: number | undefined,
      rate: number | undefined,
    ) =>
      `${target}: backlog of ${built} messages built in ${buildS} s, ` +
      (drainS === undefined ? "not drained in time" : `drained in ${drainS} s at ${rate} msg/s`),
    rateSearch: (target: string, steps: string, rate: number | undefined) =>
      `${target}: rate search tried ${steps} → ${rate} msg/s`,
    benchmark: (name: string) => `Benchmark: ${name}`,
    yardstick: "Yardstick",
    yardstickIntro:
      "Publish-only at max rate, same message size, batch and in-flight window: through our adapter, through the raw client without it, and with the broker's own tool.",
    yardstickExplanation:
      "Publish-only at max rate with the same message size, batch and in-flight window. adapter ÷ raw shows what our adapter costs over the bare client; adapter ÷ native compares with the broker's own tool (JVM or C clients, reported as measured).",
    whatTheNumbersMean: "What the numbers mean",
    notesAndErrors: "Notes and errors",
    runLine: (runId: string, started: string, finished: string, environment: string) =>
      `Run ${runId}, ${started} → ${finished}; ${environment}.`,
    footer: (runId: string, started: string, finished: string, environment: string, file: string) =>
      `Run ${runId}, ${started} → ${finished}; ${environment}. Workload ${file}.`,
    yardstickIntroShort: "Adapter, raw client and native tool, side by side.",
    consumeExplanation:
      "Consume and acknowledge, the topic or queue filled just before each slice, same prefetch: through our adapter's subscribe, through the raw client's loop doing the same job without it, and with the broker's own consumer tool where it has one. adapter ÷ raw shows what our consume path costs; µs CPU per record is the bench process's CPU over the records each path consumed.",
    endToEndExplanation:
      "Publish and consume together at a fixed rate, in interleaved slices: the adapter's publish and subscribe, and the raw publisher with the raw consumer. µs CPU per record end to end is the bench process's CPU over the records that went through (publish plus consume); the raw client's figure is the reference an adapter is measured against.",
    consumeChart: "Consume msg/s of a filled topic",
    soak: {
      heading: "Memory over the soak",
      intro: (minutes: number, rate: number, targets: number) =>
        `Soak: ${targets} targets at once for ${minutes} minutes at ${rate} msg/s each, each target in its own bench worker process, the monitor running beside them. Memory once a minute.`,
      explanation: (warmup: number, tolerance: number) =>
        `Growth is measured from minute ${warmup} (before it, caches, JIT and connection pools fill) to the last minute, each end the median of three readings; a series is flat when it grew by at most ${tolerance} %. RSS is the OS's resident set; heap is V8's used heap after a full collection; each broker's own figure is named beside it. Log targets keep records for two minutes, so their storage reaches a steady state; BullMQ keeps its completed jobs as it does by default.`,
      growthHeaders: ["series", "from minute", "MB", "to minute", "MB", "growth %", "flat"],
      minuteHeader: "minute",
      flat: "yes",
      grew: "NO",
      rssChart: "RSS per process (MB)",
      brokerChart: "Broker memory (MB)",
      minuteOfSoak: "minute of the soak",
      megabytes: "MB",
      brokerError: (broker: string, minute: number, error: string) =>
        `broker ${broker}, minute ${minute}: memory not read: ${error}`,
      verdict: (grew: number, total: number) =>
        grew === 0
          ? `All ${total} series flat past warm-up.`
          : `${grew} of ${total} series grew past warm-up beyond the tolerance (marked NO).`,
      minuteLine: (minute: number, minutes: number, rates: string, rss: string, brokers: string) =>
        `soak minute ${minute}/${minutes}: publish/consume msg/s ${rates}; RSS ${rss}; brokers ${brokers}`,
    },
    contents: "Contents",
    chartTexts: { noData: "no data", log: "log" },
    curveX: "percentile as 1/(1−p), log: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9",
    curveY: "ms (log)",
    secondOfRun: "second of the timed run",
    msgPerSec: "msg/s",
    messages: "messages",
    sideBySideHeading: "Side by side",
    throughput: "Throughput",
    throughputExplanation:
      "Messages per second over the timed run, acknowledged publishes and consumed deliveries.",
    throughputPerTarget: "Throughput per target",
    publish: "publish",
    consume: "consume",
    ratesOverTime: "Rates over time",
    ratesExplanation:
      "Per second of the timed run. A consume rate below the publish rate builds a backlog; a flat publish rate under the offered rate means the producer could not keep up.",
    publishRate: "Publish rate",
    consumeRate: "Consume rate",
    backlogChart: "Backlog (published − consumed)",
    latencyPercentiles: "Latency percentiles",
    latencyExplanation:
      "HdrHistogram percentile curves on log axes: the right end is the tail (p99.9 and beyond), where brokers differ most.",
    publishLatencyChart: "Publish latency (send → ack)",
    endToEndChart: "End-to-end latency (send → receive)",
    yardstickChart: "Publish msg/s at max rate",
    adapter: "adapter",
    rawClient: "raw client",
    nativeTool: "native tool",
  },
};

export type BenchMessages = typeof en;
