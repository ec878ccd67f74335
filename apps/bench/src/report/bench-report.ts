import type {
  BenchResults,
  PercentilePoint,
  Percentiles,
  ProcessCpu,
  SecondSample,
  TargetBenchResult,
  YardstickEntry,
} from "@brokerlab/bench";
import {
  barChart,
  escapeHtml,
  htmlPage,
  htmlTable,
  lineChart,
  markdownTable,
  type Table,
} from "@brokerlab/report";

type Cell = string | number | null;

/** Targets as columns, one row per metric: the side-by-side view for the terminal, Markdown and HTML. */
export function summaryTable(results: BenchResults): Table {
  const targets = results.targets;
  const row = (label: string, cell: (result: TargetBenchResult) => Cell): Cell[] => [
    label,
    ...targets.map((result) => (result.ok || result.publishRate ? cell(result) : null)),
  ];
  const latency = (
    label: string,
    pick: (result: TargetBenchResult) => Percentiles | undefined,
    unit: string,
  ) =>
    (["p50", "p99", "p999", "max"] as const).map((p) =>
      row(`${label} ${p} (${unit})`, (result) => pick(result)?.[p] ?? null),
    );
  return {
    title: `${results.workload.name ?? "workload"}: side by side`,
    headers: ["metric", ...targets.map((result) => result.target)],
    align: ["left", ...targets.map(() => "right" as const)],
    rows: [
      [
        "status",
        ...targets.map((result) => (result.ok ? "ok" : `FAILED: ${shorten(result.error ?? "", 60)}`)),
      ],
      row("durability", (result) => result.durability ?? null),
      row("partitions", (result) => result.partitions ?? null),
      row("offered rate (msg/s)", (result) => result.producerRate ?? null),
      row("publish (msg/s)", (result) => result.publishRate?.msgPerSec ?? null),
      row("publish (MB/s)", (result) => result.publishRate?.mbPerSec ?? null),
      row("consume (msg/s)", (result) => result.consumeRate?.msgPerSec ?? null),
      row("consume (MB/s)", (result) => result.consumeRate?.mbPerSec ?? null),
      ...latency("publish latency", (result) => result.publishLatencyMs, "ms"),
      ...latency("end-to-end", (result) => result.endToEndLatencyMs, "ms"),
      ...latency("publish delay", (result) => result.publishDelayUs, "µs"),
      row("backlog at end (msg)", (result) => result.timeSeries?.at(-1)?.backlog ?? null),
      row("errors", (result) =>
        result.counts ? result.counts.publishErrors + result.counts.consumeErrors : null,
      ),
      row("bench CPU (% of 1 core)", (result) => result.clientCpu?.percentOfOneCore ?? null),
      row("busiest bench process (% of 1 core)", (result) =>
        result.processes?.length ? Math.max(...result.processes.map((p) => p.percentOfOneCore)) : null,
      ),
      row("machine CPU (% of all cores)", (result) => result.machineCpu?.busyPercent ?? null),
      row("what set the limit", (result) => result.limit?.kind ?? null),
    ],
  };
}

/** One row per bench process per target: its role, CPU and CPU per record during the timed run. */
export function processTable(results: BenchResults): Table {
  return {
    title: "Bench processes during the timed run",
    headers: [
      "target",
      "role",
      "where",
      "pid",
      "CPU (% of 1 core)",
      "published",
      "consumed",
      "µs CPU per record",
    ],
    align: ["left", "left", "left", "right", "right", "right", "right", "left"],
    rows: results.targets.flatMap((result) =>
      (result.processes ?? []).map((p) => [
        result.target,
        p.role,
        p.where,
        p.pid,
        p.percentOfOneCore,
        p.published,
        p.consumed,
        perRecord(p),
      ]),
    ),
  };
}

function perRecord(p: ProcessCpu): string {
  if (p.usPerRecordPublished !== undefined) return `${p.usPerRecordPublished} per published`;
  if (p.usPerRecordConsumed !== undefined) return `${p.usPerRecordConsumed} per consumed`;
  if (p.usPerRecord !== undefined) return `${p.usPerRecord} per published or consumed`;
  return "";
}

/** Where the load ran, and what end-to-end latency across processes relies on. */
function workersNote(results: BenchResults): string[] {
  const workers = results.workers;
  if (!workers?.length) {
    return [
      "Producers and consumers ran in the bench's own process (one Node thread); end-to-end latency uses one clock.",
    ];
  }
  const hosts = new Set(workers.map((worker) => worker.hostname));
  const skews = workers.map(
    (worker) => `${worker.url} ${worker.clockSkewMs} ms ± ${worker.clockSkewUncertaintyMs} ms`,
  );
  return [
    `Producers and consumers ran on ${workers.length} bench worker(s) (${workers.some((w) => w.spawned) ? "started by this run" : "given by URL"}), producers and consumers on different ones; latency percentiles are of the merged HdrHistograms.`,
    hosts.size > 1
      ? `Workers on ${hosts.size} machines: end-to-end latency compares a producer's clock with a consumer's, so those clocks must be synchronised (NTP/PTP); measured clock offsets at start: ${skews.join(", ")}.`
      : `All workers on one machine (${[...hosts].join("")}): end-to-end latency uses its system clock at µs resolution; clock offsets measured at start (within the round trip): ${skews.join(", ")}.`,
  ];
}

export function yardstickTable(entries: readonly YardstickEntry[]): Table {
  return {
    title: "Yardstick: publish at max rate",
    headers: [
      "target",
      "adapter msg/s",
      "raw client msg/s",
      "adapter ÷ raw",
      "native tool",
      "native msg/s",
      "adapter ÷ native",
    ],
    rows: entries.map((entry) => [
      entry.target,
      entry.adapterMsgPerSec,
      entry.rawClientMsgPerSec,
      entry.adapterVsRaw,
      entry.nativeTool,
      entry.nativeMsgPerSec,
      entry.adapterVsNative,
    ]),
  };
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeWorkload(results: BenchResults): string {
  const w = results.workload;
  const rate = w.producerRate === 0 ? "the highest sustainable rate (searched)" : `${w.producerRate} msg/s`;
  return (
    `${w.topics} topic(s) × ${w.partitionsPerTopic} partition(s), ${w.messageSize}-byte messages, ${rate} from ` +
    `${w.producersPerTopic} producer(s) per topic, ${w.subscriptionsPerTopic} subscription(s) × ` +
    `${w.consumerPerSubscription} consumer(s), keys ${w.keyDistributor}, ${w.warmupDurationSeconds} s warm-up ` +
    `(excluded) then ${w.testDurationSeconds} s measured` +
    (Number(w.consumerBacklogSizeGB) > 0
      ? `, after building and draining a ${w.consumerBacklogSizeGB} GB backlog`
      : "") +
    "."
  );
}

const MEANING = [
  "publish latency: send → broker acknowledgement at the durability shown.",
  "end-to-end: producer timestamp in the record → consumer receipt, µs resolution (across workers: their clocks, see below).",
  "publish delay: intended send time (from the rate limiter) → actual send; it grows when a producer cannot keep " +
    "up, which is the coordinated-omission signal a plain latency histogram hides.",
  "bench CPU: all bench processes' CPU during the timed run; a single process near 100 % of one core means the bench, " +
    "not the broker, is the limit (Node runs a process's producers and consumers on one thread): spread them over " +
    "workers (--workers).",
  "what set the limit: offered (a fixed rate was met), worker-bound (a bench process near a full core), " +
    "machine-bound (all cores busy: the honest answer when the broker shares the machine), or broker.",
];

function notesOf(results: BenchResults): string[] {
  return results.targets.flatMap((result) => [
    ...(result.limit ? [`${result.target}: limit ${result.limit.kind}: ${result.limit.reason}`] : []),
    ...(result.settings
      ? [
          `${result.target}: settings in effect: ${Object.entries(result.settings)
            .map(([key, value]) => `${key} ${value}`)
            .join(", ")}`,
        ]
      : []),
    ...(result.processes ?? [])
      .filter((p) => p.role !== "coordinator" && p.role !== "idle" && p.percentOfOneCore > 70)
      .map(
        (p) =>
          `${result.target}: the ${p.role} process ${p.where} used ${p.percentOfOneCore} % of a core, above the ~70 % that leaves headroom; more workers (--workers N) spread it`,
      ),
    ...(result.error ? [`${result.target}: FAILED: ${result.error}`] : []),
    ...result.notes.map((note) => `${result.target}: ${note}`),
    ...result.errors
      .filter((error) => error !== result.error)
      .map((error) => `${result.target}: error during the run: ${error}`),
    ...(result.backlog
      ? [
          `${result.target}: backlog of ${result.backlog.builtMessages} messages built in ${result.backlog.buildSeconds} s, ` +
            (result.backlog.drainSeconds === undefined
              ? "not drained in time"
              : `drained in ${result.backlog.drainSeconds} s at ${result.backlog.drainConsumeRate} msg/s`),
        ]
      : []),
    ...(result.rateSearch?.length
      ? [
          `${result.target}: rate search tried ${result.rateSearch
            .map((step) => `${step.rate}${step.sustained ? "✓" : "✗"}`)
            .join(", ")} → ${result.producerRate} msg/s`,
        ]
      : []),
  ]);
}

export function renderMarkdown(results: BenchResults): string {
  const parts = [`# Benchmark: ${results.workload.name ?? results.workload.file}`, ""];
  if (results.mode === "workload") {
    parts.push(describeWorkload(results), "", markdownTable(summaryTable(results)), "");
    parts.push(markdownTable(processTable(results)), "", ...workersNote(results), "");
  }
  if (results.yardstick?.length) {
    parts.push(
      "## Yardstick",
      "",
      "Publish-only at max rate, same message size, batch and in-flight window: through our adapter, through the " +
        "raw client without it, and with the broker's own tool.",
      "",
      markdownTable(yardstickTable(results.yardstick)),
      "",
      ...results.yardstick.flatMap((entry) => entry.notes.map((note) => `- ${entry.target}: ${note}`)),
      "",
    );
  }
  parts.push("## What the numbers mean", "", ...MEANING.map((line) => `- ${line}`), "");
  const notes = notesOf(results);
  if (notes.length) parts.push("## Notes and errors", "", ...notes.map((line) => `- ${line}`), "");
  parts.push(`Run ${results.runId}, ${results.startedAt} → ${results.finishedAt}; ${environment(results)}.`);
  return parts.join("\n");
}

/** What a reader needs to reproduce the run: machine, Node, client libraries. */
function environment(results: BenchResults): string {
  const { machine } = results;
  const libraries = Object.entries(machine.clientLibraries ?? {})
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
  return (
    `${machine.cpuModel ? `${machine.cpuModel}, ` : ""}${machine.cores} cores, Node ${machine.node}, ${machine.platform}` +
    (libraries ? `; clients ${libraries}` : "")
  );
}

/** x of a percentile on a log axis: 1/(1 − p), so p50 = 2, p90 = 10, p99 = 100, p99.9 = 1000. */
function percentileX(percentile: number): number {
  return 1 / (1 - percentile / 100);
}

function curveChart(
  results: BenchResults,
  title: string,
  pick: (result: TargetBenchResult) => readonly PercentilePoint[] | undefined,
): string {
  return lineChart({
    title,
    xLabel: "percentile as 1/(1−p), log: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9",
    yLabel: "ms (log)",
    logX: true,
    logY: true,
    series: results.targets.map((result) => ({
      name: result.target,
      points: (pick(result) ?? [])
        .filter((point) => point.percentile < 100)
        .map((point) => [percentileX(point.percentile), point.value] as const),
    })),
  });
}

function rateChart(
  results: BenchResults,
  title: string,
  pick: (sample: SecondSample) => number,
  yLabel: string,
): string {
  return lineChart({
    title,
    xLabel: "second of the timed run",
    yLabel,
    series: results.targets.map((result) => ({
      name: result.target,
      points: (result.timeSeries ?? []).map((sample) => [sample.second, pick(sample)] as const),
    })),
  });
}

export function renderHtml(results: BenchResults): string {
  const sections = [];
  if (results.mode === "workload") {
    const targets = results.targets.map((result) => result.target);
    sections.push(
      {
        id: "summary",
        heading: "Side by side",
        explanation: MEANING.join(" "),
        html: htmlTable(summaryTable(results)),
      },
      {
        id: "processes",
        heading: "Bench processes",
        explanation: workersNote(results).join(" "),
        html: htmlTable(processTable(results)),
      },
      {
        id: "throughput",
        heading: "Throughput",
        explanation:
          "Messages per second over the timed run, acknowledged publishes and consumed deliveries.",
        html: barChart({
          title: "Throughput per target",
          categories: targets,
          yLabel: "msg/s",
          series: [
            { name: "publish", values: results.targets.map((result) => result.publishRate?.msgPerSec) },
            { name: "consume", values: results.targets.map((result) => result.consumeRate?.msgPerSec) },
          ],
        }),
      },
      {
        id: "rates",
        heading: "Rates over time",
        explanation:
          "Per second of the timed run. A consume rate below the publish rate builds a backlog; a flat publish rate under the offered rate means the producer could not keep up.",
        html: [
          rateChart(results, "Publish rate", (sample) => sample.publishRate, "msg/s"),
          rateChart(results, "Consume rate", (sample) => sample.consumeRate, "msg/s"),
          rateChart(results, "Backlog (published − consumed)", (sample) => sample.backlog, "messages"),
        ].join("\n"),
      },
      {
        id: "latency",
        heading: "Latency percentiles",
        explanation:
          "HdrHistogram percentile curves on log axes: the right end is the tail (p99.9 and beyond), where brokers differ most.",
        html: [
          curveChart(results, "Publish latency (send → ack)", (result) => result.curves?.publishLatencyMs),
          curveChart(
            results,
            "End-to-end latency (send → receive)",
            (result) => result.curves?.endToEndLatencyMs,
          ),
        ].join("\n"),
      },
    );
  }
  if (results.yardstick?.length) {
    const entries = results.yardstick;
    sections.push({
      id: "yardstick",
      heading: "Yardstick",
      explanation:
        "Publish-only at max rate with the same message size, batch and in-flight window. adapter ÷ raw shows what our adapter costs over the bare client; adapter ÷ native compares with the broker's own tool (JVM or C clients, reported as measured).",
      html: [
        htmlTable(yardstickTable(entries)),
        barChart({
          title: "Publish msg/s at max rate",
          categories: entries.map((entry) => entry.target),
          yLabel: "msg/s",
          series: [
            { name: "adapter", values: entries.map((entry) => entry.adapterMsgPerSec) },
            { name: "raw client", values: entries.map((entry) => entry.rawClientMsgPerSec) },
            { name: "native tool", values: entries.map((entry) => entry.nativeMsgPerSec) },
          ],
        }),
      ].join("\n"),
    });
  }
  const notes = [
    ...notesOf(results),
    ...(results.yardstick ?? []).flatMap((entry) => entry.notes.map((note) => `${entry.target}: ${note}`)),
  ];
  if (notes.length) {
    sections.push({
      id: "notes",
      heading: "Notes and errors",
      html: `<ul>${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`,
    });
  }
  return htmlPage({
    title: `Benchmark: ${String(results.workload.name ?? results.workload.file)}`,
    intro:
      results.mode === "workload"
        ? describeWorkload(results)
        : "Adapter, raw client and native tool, side by side.",
    sections,
    footer: `Run ${results.runId}, ${results.startedAt} → ${results.finishedAt}; ${environment(results)}. Workload ${results.workload.file}.`,
  });
}
