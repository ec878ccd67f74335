import type { BenchPhase } from "@brokerlab/bench";

/**
 * Every word `pnpm bench` shows, in English; ko.ts has exactly this shape (the compiler checks it).
 * Target ids, flags, JSON keys and the workload's own field names are not translated.
 */
export const en = {
  cli: {
    usage: (targets: string) => `Usage:
  pnpm bench --workload FILE [--targets a,b] [--duration S] [--warmup S] [--rate N] [--workers W] [--cluster] [--out DIR] [--lang en|ko]
  pnpm bench --yardstick [--workload FILE] [--targets a,b] [--duration S] [--cluster] [--out DIR] [--lang en|ko]
  pnpm bench worker [--port P] [--host H]     a bench worker: runs the producers/consumers a coordinator gives it
  pnpm bench compare A.json B.json            two runs' results side by side, ratios, a mark where within noise

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
  --lang en|ko      language of tables, progress and reports (default: BROKERLAB_LANG, else LC_ALL/LANG,
                    so ko_KR.UTF-8 gives Korean; else English); results.json never changes
  -h, --help        this text`,
    badNumber: (flag: string, value: string, min: number) =>
      `--${flag} "${value}" is not valid; expected a number ≥ ${min}`,
    badRate: (value: string) => `--rate "${value}" is not valid; expected a whole number of messages/s`,
    badArguments: (message: string) => `${message}; see pnpm bench --help`,
    unexpectedArgument: (arg: string) => `unexpected argument "${arg}"; see pnpm bench --help`,
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
