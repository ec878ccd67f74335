import {
  type BenchResults,
  cpuPerRecord,
  type PercentilePoint,
  type Percentiles,
  type ProcessCpu,
  type SecondSample,
  type Spread,
  type TargetBenchResult,
  type YardstickEntry,
} from "@brokerlab/bench";
import {
  barChart,
  escapeHtml,
  type HtmlSection,
  htmlPage,
  htmlTable,
  lineChart,
  markdownTable,
  type Table,
} from "@brokerlab/report";

import { type BenchMessages, benchMessagesFor } from "../i18n/index.js";
import { soakCharts, soakGrowthTable, soakIntro, soakMinuteTable, soakNotes } from "./soak-report.js";

type Cell = string | number | null;

const EN = benchMessagesFor("en");

/** Targets as columns, one row per metric: the side-by-side view for the terminal, Markdown and HTML. */
export function summaryTable(results: BenchResults, m: BenchMessages = EN): Table {
  const t = m.report;
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
    title: t.sideBySide(String(results.workload.name ?? t.workload)),
    headers: [t.metric, ...targets.map((result) => result.target)],
    align: ["left", ...targets.map(() => "right" as const)],
    rows: [
      [
        t.status,
        // The failure itself is in the notes under the table: a sentence does not belong in a cell.
        ...targets.map((result) => (result.ok ? t.ok : t.failedCell)),
      ],
      row(t.durability, (result) => result.durability ?? null),
      row(t.partitions, (result) => result.partitions ?? null),
      row(t.setupSeconds, (result) => result.setupSeconds ?? null),
      row(t.offeredRate, (result) => result.producerRate ?? null),
      row(t.publishMsgs, (result) => result.publishRate?.msgPerSec ?? null),
      row(t.publishMBs, (result) => result.publishRate?.mbPerSec ?? null),
      row(t.consumeMsgs, (result) => result.consumeRate?.msgPerSec ?? null),
      row(t.consumeMBs, (result) => result.consumeRate?.mbPerSec ?? null),
      ...latency(t.publishLatency, (result) => result.publishLatencyMs, "ms"),
      ...latency(t.endToEnd, (result) => result.endToEndLatencyMs, "ms"),
      ...latency(t.publishDelay, (result) => result.publishDelayUs, "µs"),
      row(t.backlogAtEnd, (result) => result.timeSeries?.at(-1)?.backlog ?? null),
      row(t.errors, (result) =>
        result.counts ? result.counts.publishErrors + result.counts.consumeErrors : null,
      ),
      row(t.benchCpu, (result) => result.clientCpu?.percentOfOneCore ?? null),
      row(t.busiestProcess, (result) =>
        result.processes?.length ? Math.max(...result.processes.map((p) => p.percentOfOneCore)) : null,
      ),
      row(t.cpuPerPublished, (result) => cpuPerRecord(result.processes ?? []).published ?? null),
      row(t.cpuPerConsumed, (result) => cpuPerRecord(result.processes ?? []).consumed ?? null),
      row(t.cpuPerRecordEndToEnd, (result) => cpuPerRecord(result.processes ?? []).endToEnd ?? null),
      row(t.machineCpu, (result) => result.machineCpu?.busyPercent ?? null),
      row(t.limit, (result) => result.limit?.kind ?? null),
    ],
  };
}

/** What a yardstick run measured: one side per run (results before the other sides existed: publish). */
export function yardstickSide(entries: readonly YardstickEntry[]): NonNullable<YardstickEntry["side"]> {
  return entries[0]?.side ?? "publish";
}

export function yardstickTable(entries: readonly YardstickEntry[], m: BenchMessages = EN): Table {
  const side = yardstickSide(entries);
  if (side === "end-to-end") return endToEndTable(entries, m);
  const h = m.report.yardstickHeaders;
  const consume = side === "consume";
  return {
    title: consume ? m.report.consumeTitle : m.report.yardstickTitle,
    headers: [
      h.target,
      h.adapter,
      h.raw,
      h.adapterVsRaw,
      h.nativeTool,
      h.native,
      h.adapterVsNative,
      h.ceiling,
      h.benchThread,
      h.cpuPerRecord,
      ...(consume ? [h.cpuVsRaw] : []),
    ],
    rows: entries.map((entry) => [
      entry.target,
      entry.adapterMsgPerSec,
      entry.rawClientMsgPerSec,
      quotedRatio(entry.adapterVsRaw, entry.adapterVsRawSpread, m),
      entry.nativeTool,
      entry.nativeMsgPerSec,
      quotedRatio(entry.adapterVsNative, entry.adapterVsNativeSpread, m),
      entry.rawVsNative ?? null,
      benchThread(entry, m),
      yardstickCpuPerRecord(entry),
      ...(consume ? [quotedRatio(entry.cpuVsRaw ?? null, entry.cpuVsRawSpread, m)] : []),
    ]),
  };
}

/** The end-to-end yardstick: both paths at one rate, their CPU per record side by side. */
function endToEndTable(entries: readonly YardstickEntry[], m: BenchMessages): Table {
  const h = m.report.endToEndHeaders;
  return {
    title: m.report.endToEndTitle(entries[0]?.offeredRate ?? 0),
    headers: [h.target, h.offered, h.adapter, h.raw, h.cpuPerRecord, h.cpuVsRaw, h.benchThread],
    rows: entries.map((entry) => [
      entry.target,
      entry.offeredRate ?? null,
      entry.adapterMsgPerSec,
      entry.rawClientMsgPerSec,
      yardstickCpuPerRecord(entry),
      quotedRatio(entry.cpuVsRaw ?? null, entry.cpuVsRawSpread, m),
      benchThread(entry, m),
    ]),
  };
}

/** A ratio, or "too wide" with its middle half where the rounds disagree too much to quote one figure. */
function quotedRatio(
  value: number | null,
  spread: Spread | undefined,
  m: BenchMessages,
): number | string | null {
  if (value === null || spread === undefined || spread.quotable) return value;
  return m.report.tooWide(spread.p25, spread.p75);
}

/**
 * µs of the bench process's CPU per record (published, consumed, or end to end) on the adapter path and on the raw
 * client's, as "adapter / raw".
 */
function yardstickCpuPerRecord(entry: YardstickEntry): string | null {
  const us = (p: ProcessCpu | undefined) =>
    p?.usPerRecordPublished ?? p?.usPerRecordConsumed ?? p?.usPerRecord;
  const adapter = us(entry.cpu?.adapter);
  if (adapter === undefined) return null;
  const raw = us(entry.cpu?.raw);
  return raw === undefined ? String(adapter) : `${adapter} / ${raw}`;
}

/** The JavaScript thread's share of a core on the adapter path (the process's where that is unknown). */
function benchThread(entry: YardstickEntry, m: BenchMessages): number | string | null {
  const adapter = entry.cpu?.adapter;
  if (adapter === undefined) return null;
  const percent = adapter.mainThreadPercent ?? adapter.percentOfOneCore;
  return entry.clientBound ? `${percent} ${m.report.clientBound}` : percent;
}

/** One row per bench process per target: its role, CPU and CPU per record during the timed run. */
export function processTable(results: BenchResults, m: BenchMessages = EN): Table {
  const h = m.report.processHeaders;
  return {
    title: m.report.processTitle,
    headers: [h.target, h.role, h.where, h.pid, h.cpu, h.published, h.consumed, h.perRecord],
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
        perRecord(p, m),
      ]),
    ),
  };
}

function perRecord(p: ProcessCpu, m: BenchMessages): string {
  if (p.usPerRecordPublished !== undefined) return m.report.perPublished(p.usPerRecordPublished);
  if (p.usPerRecordConsumed !== undefined) return m.report.perConsumed(p.usPerRecordConsumed);
  if (p.usPerRecord !== undefined) return m.report.perRecord(p.usPerRecord);
  return "";
}

/** Where the load ran, and what end-to-end latency across processes relies on. */
function workersNote(results: BenchResults, m: BenchMessages): string[] {
  const workers = results.workers;
  if (!workers?.length) return [m.report.inProcess];
  const hosts = new Set(workers.map((worker) => worker.hostname));
  const skews = workers
    .map((worker) => `${worker.url} ${worker.clockSkewMs} ms ± ${worker.clockSkewUncertaintyMs} ms`)
    .join(", ");
  const spawned = workers.some((worker) => worker.spawned);
  return [
    m.report.onWorkers(workers.length, spawned),
    hosts.size > 1
      ? m.report.severalMachines(hosts.size, skews)
      : m.report.oneMachine([...hosts].join(""), skews),
  ];
}

/** What a reader needs to reproduce the run: machine, Node, client libraries. */
function environment(results: BenchResults, m: BenchMessages): string {
  const { machine } = results;
  return m.report.environment({
    cpuModel: machine.cpuModel ?? "",
    cores: machine.cores,
    node: machine.node,
    platform: machine.platform,
    libraries: Object.entries(machine.clientLibraries ?? {})
      .map(([name, version]) => `${name} ${version}`)
      .join(", "),
  });
}

function describeWorkload(results: BenchResults, m: BenchMessages): string {
  const w = results.workload;
  const t = m.report;
  return t.describeWorkload({
    topics: String(w.topics),
    partitions: String(w.partitionsPerTopic),
    size: String(w.messageSize),
    rate: w.producerRate === 0 ? t.searchedRate : t.fixedRate(String(w.producerRate)),
    producers: String(w.producersPerTopic),
    subscriptions: String(w.subscriptionsPerTopic),
    consumers: String(w.consumerPerSubscription),
    keys: String(w.keyDistributor),
    warmup: String(w.warmupDurationSeconds),
    seconds: String(w.testDurationSeconds),
    backlogGB: Number(w.consumerBacklogSizeGB) > 0 ? String(w.consumerBacklogSizeGB) : undefined,
  });
}

function notesOf(results: BenchResults, m: BenchMessages): string[] {
  const t = m.report;
  return results.targets.flatMap((result) => [
    ...(result.error ? [t.failedNote(result.target, result.error)] : []),
    ...result.notes.map((note) => `${result.target}: ${note}`),
    ...result.errors
      .filter((error) => error !== result.error)
      .map((error) => t.errorDuringRun(result.target, error)),
    ...(result.backlog
      ? [
          t.backlogNote(
            result.target,
            result.backlog.builtMessages,
            result.backlog.buildSeconds,
            result.backlog.drainSeconds,
            result.backlog.drainConsumeRate,
          ),
        ]
      : []),
    ...(result.rateSearch?.length
      ? [
          t.rateSearch(
            result.target,
            result.rateSearch.map((step) => `${step.rate}${step.sustained ? "✓" : "✗"}`).join(", "),
            result.producerRate,
          ),
        ]
      : []),
    ...(result.limit ? [t.limitNote(result.target, result.limit.kind, result.limit.reason)] : []),
    ...(result.settings
      ? [
          t.settingsNote(
            result.target,
            Object.entries(result.settings)
              .map(([key, value]) => `${key} ${value}`)
              .join(", "),
          ),
        ]
      : []),
    ...(result.processes ?? [])
      .filter((p) => p.role !== "coordinator" && p.role !== "idle" && p.percentOfOneCore > 70)
      .map((p) => t.hotProcess(result.target, p.role, p.where, p.percentOfOneCore)),
  ]);
}

export function renderMarkdown(results: BenchResults, m: BenchMessages = EN): string {
  const t = m.report;
  const parts = [`# ${t.benchmark(String(results.workload.name ?? results.workload.file))}`, ""];
  if (results.mode === "workload" || results.mode === "soak") {
    parts.push(describeWorkload(results, m), "", markdownTable(summaryTable(results, m)), "");
    parts.push(markdownTable(processTable(results, m)), "", ...workersNote(results, m), "");
  }
  if (results.soak) {
    const s = m.report.soak;
    parts.push(`## ${s.heading}`, "", soakIntro(results, results.soak, m), "");
    parts.push(s.explanation(results.soak.warmupMinutes, results.soak.tolerancePercent), "");
    parts.push(markdownTable(soakGrowthTable(results.soak, m)), "");
    parts.push(markdownTable(soakMinuteTable(results.soak, m)), "");
    parts.push(...soakNotes(results.soak, m).map((line) => `- ${line}`), "");
  }
  if (results.yardstick?.length) {
    parts.push(
      `## ${t.yardstick}`,
      "",
      yardstickExplanation(results.yardstick, m, t.yardstickIntro),
      "",
      markdownTable(yardstickTable(results.yardstick, m)),
      "",
      ...results.yardstick.flatMap((entry) => entry.notes.map((note) => `- ${entry.target}: ${note}`)),
      "",
    );
  }
  parts.push(`## ${t.whatTheNumbersMean}`, "", ...t.meaning.map((line) => `- ${line}`), "");
  const notes = notesOf(results, m);
  if (notes.length) parts.push(`## ${t.notesAndErrors}`, "", ...notes.map((line) => `- ${line}`), "");
  parts.push(t.runLine(results.runId, results.startedAt, results.finishedAt, environment(results, m)));
  return parts.join("\n");
}

/** x of a percentile on a log axis: 1/(1 − p), so p50 = 2, p90 = 10, p99 = 100, p99.9 = 1000. */
function percentileX(percentile: number): number {
  return 1 / (1 - percentile / 100);
}

function curveChart(
  results: BenchResults,
  m: BenchMessages,
  title: string,
  pick: (result: TargetBenchResult) => readonly PercentilePoint[] | undefined,
): string {
  return lineChart({
    title,
    xLabel: m.report.curveX,
    yLabel: m.report.curveY,
    texts: m.report.chartTexts,
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
  m: BenchMessages,
  title: string,
  pick: (sample: SecondSample) => number,
  yLabel: string,
): string {
  return lineChart({
    title,
    xLabel: m.report.secondOfRun,
    yLabel,
    texts: m.report.chartTexts,
    series: results.targets.map((result) => ({
      name: result.target,
      points: (result.timeSeries ?? []).map((sample) => [sample.second, pick(sample)] as const),
    })),
  });
}

export function renderHtml(results: BenchResults, m: BenchMessages = EN, lang = "en"): string {
  const t = m.report;
  const sections = [
    ...soakSection(results, m),
    ...(results.mode === "workload" || results.mode === "soak" ? workloadSections(results, m) : []),
    ...yardstickSection(results, m),
    ...notesSection(results, m),
  ];
  return htmlPage({
    lang,
    title: t.benchmark(String(results.workload.name ?? results.workload.file)),
    intro: results.mode === "yardstick" ? t.yardstickIntroShort : describeWorkload(results, m),
    sections,
    contentsLabel: t.contents,
    footer: t.footer(
      results.runId,
      results.startedAt,
      results.finishedAt,
      environment(results, m),
      String(results.workload.file),
    ),
  });
}

/** The soak's growth verdicts, memory charts and per-minute table, when the run was a soak. */
function soakSection(results: BenchResults, m: BenchMessages): HtmlSection[] {
  if (!results.soak) return [];
  const s = m.report.soak;
  return [
    {
      id: "soak",
      heading: s.heading,
      explanation: `${soakIntro(results, results.soak, m)} ${s.explanation(results.soak.warmupMinutes, results.soak.tolerancePercent)} ${soakNotes(results.soak, m).join(" ")}`,
      html: [
        htmlTable(soakGrowthTable(results.soak, m)),
        soakCharts(results.soak, m),
        htmlTable(soakMinuteTable(results.soak, m)),
      ].join("\n"),
    },
  ];
}

/** A workload run's (or soak's) side-by-side table, processes, throughput, rates and latency. */
function workloadSections(results: BenchResults, m: BenchMessages): HtmlSection[] {
  const t = m.report;
  const targets = results.targets.map((result) => result.target);
  return [
    {
      id: "summary",
      heading: t.sideBySideHeading,
      explanation: t.meaning.join(" "),
      html: htmlTable(summaryTable(results, m)),
    },
    {
      id: "processes",
      heading: t.benchProcesses,
      explanation: workersNote(results, m).join(" "),
      html: htmlTable(processTable(results, m)),
    },
    {
      id: "throughput",
      heading: t.throughput,
      explanation: t.throughputExplanation,
      html: barChart({
        title: t.throughputPerTarget,
        categories: targets,
        yLabel: t.msgPerSec,
        texts: t.chartTexts,
        series: [
          { name: t.publish, values: results.targets.map((result) => result.publishRate?.msgPerSec) },
          { name: t.consume, values: results.targets.map((result) => result.consumeRate?.msgPerSec) },
        ],
      }),
    },
    {
      id: "rates",
      heading: t.ratesOverTime,
      explanation: t.ratesExplanation,
      html: [
        rateChart(results, m, t.publishRate, (sample) => sample.publishRate, t.msgPerSec),
        rateChart(results, m, t.consumeRate, (sample) => sample.consumeRate, t.msgPerSec),
        rateChart(results, m, t.backlogChart, (sample) => sample.backlog, t.messages),
      ].join("\n"),
    },
    {
      id: "latency",
      heading: t.latencyPercentiles,
      explanation: t.latencyExplanation,
      html: [
        curveChart(results, m, t.publishLatencyChart, (result) => result.curves?.publishLatencyMs),
        curveChart(results, m, t.endToEndChart, (result) => result.curves?.endToEndLatencyMs),
      ].join("\n"),
    },
  ];
}

/** The yardstick's table and chart (adapter, raw client, native tool), when it ran. */
function yardstickSection(results: BenchResults, m: BenchMessages): HtmlSection[] {
  const t = m.report;
  const entries = results.yardstick;
  if (!entries?.length) return [];
  return [
    {
      id: "yardstick",
      heading: t.yardstick,
      explanation: yardstickExplanation(entries, m, t.yardstickExplanation),
      html: [
        htmlTable(yardstickTable(entries, m)),
        barChart({
          title: yardstickSide(entries) === "publish" ? t.yardstickChart : t.consumeChart,
          categories: entries.map((entry) => entry.target),
          yLabel: t.msgPerSec,
          texts: t.chartTexts,
          series: [
            { name: t.adapter, values: entries.map((entry) => entry.adapterMsgPerSec) },
            { name: t.rawClient, values: entries.map((entry) => entry.rawClientMsgPerSec) },
            { name: t.nativeTool, values: entries.map((entry) => entry.nativeMsgPerSec) },
          ],
        }),
      ].join("\n"),
    },
  ];
}

/** What the yardstick's side measured; `publish` is the publish side's own text (intro or explanation). */
function yardstickExplanation(entries: readonly YardstickEntry[], m: BenchMessages, publish: string): string {
  const side = yardstickSide(entries);
  if (side === "consume") return m.report.consumeExplanation;
  if (side === "end-to-end") return m.report.endToEndExplanation;
  return publish;
}

/** The run's notes and errors and the yardstick's, each named by its target. */
function notesSection(results: BenchResults, m: BenchMessages): HtmlSection[] {
  const notes = [
    ...notesOf(results, m),
    ...(results.yardstick ?? []).flatMap((entry) => entry.notes.map((note) => `${entry.target}: ${note}`)),
  ];
  if (!notes.length) return [];
  return [
    {
      id: "notes",
      heading: m.report.notesAndErrors,
      html: `<ul>${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`,
    },
  ];
}
