import type { BenchResults, Percentiles, ProcessCpu } from "@brokerlab/bench";
import { describe, expect, it } from "vitest";
import { benchMessagesFor } from "../i18n/index.js";
import { renderHtml, renderMarkdown, summaryTable, yardstickTable } from "./bench-report.js";

const p = (base: number): Percentiles => ({
  count: 10,
  p50: base,
  p75: base * 2,
  p95: base * 3,
  p99: base * 4,
  p999: base * 5,
  max: base * 6,
});

/** The bench process while one yardstick path published. */
const publishing: ProcessCpu = {
  role: "producer",
  where: "in-process",
  pid: 1,
  userMs: 900,
  systemMs: 80,
  percentOfOneCore: 98,
  published: 0,
  consumed: 0,
};

// A hand-made result set: this tests rendering, not measurement.
const results: BenchResults = {
  schema: "brokerlab.bench-results/1",
  runId: "r1",
  startedAt: "2025-01-01T00:00:00.000Z",
  finishedAt: "2025-01-01T00:01:00.000Z",
  mode: "workload",
  workload: {
    file: "w.yaml",
    name: "w",
    topics: 1,
    partitionsPerTopic: 4,
    messageSize: 1024,
    producerRate: 100,
  },
  machine: { cores: 2, node: "20", platform: "linux-x64" },
  targets: [
    {
      target: "kafka",
      ok: true,
      durability: "leader",
      partitions: 4,
      producerRate: 100,
      publishRate: { msgPerSec: 100, mbPerSec: 0.1 },
      consumeRate: { msgPerSec: 99, mbPerSec: 0.1 },
      publishLatencyMs: p(1),
      endToEndLatencyMs: p(2),
      publishDelayUs: p(10),
      curves: {
        publishLatencyMs: [{ percentile: 50, value: 1 }],
        endToEndLatencyMs: [{ percentile: 50, value: 2 }],
      },
      timeSeries: [{ second: 1, publishRate: 100, consumeRate: 99, backlog: 1 }],
      counts: { published: 100, consumed: 99, publishErrors: 0, consumeErrors: 0 },
      errors: [],
      clientCpu: { userMs: 10, systemMs: 1, percentOfOneCore: 1.1, cores: 2 },
      notes: [],
    },
    { target: "redis-list", ok: false, error: "cannot reach 127.0.0.1:1", errors: [], notes: [] },
  ],
  yardstick: [
    {
      target: "kafka",
      adapterMsgPerSec: 950,
      rawClientMsgPerSec: 1000,
      nativeTool: "kafka ProducerPerformance",
      nativeMsgPerSec: 2000,
      adapterVsRaw: 0.95,
      adapterVsNative: 0.475,
      rawVsNative: 0.5,
      adapterVsRawSpread: { p25: 0.94, median: 0.95, p75: 0.96, relative: 0.021, quotable: true },
      adapterVsNativeSpread: { p25: 0.3, median: 0.475, p75: 0.6, relative: 0.632, quotable: false },
      cpu: {
        adapter: { ...publishing, published: 950, usPerRecordPublished: 1031.58, mainThreadPercent: 97.5 },
        raw: { ...publishing, published: 1000, usPerRecordPublished: 980 },
      },
      clientBound: true,
      notes: ["n"],
    },
  ],
};

describe("bench report", () => {
  it("puts targets side by side and marks a failed one with its error", () => {
    const table = summaryTable(results);
    expect(table.headers).toEqual(["metric", "kafka", "redis-list"]);
    // The error goes to the notes under the table, not into a cell.
    expect(table.rows[0]).toEqual(["status", "ok", "FAILED"]);
    expect(table.rows.find((row) => row[0] === "end-to-end p99 (ms)")).toEqual([
      "end-to-end p99 (ms)",
      8,
      null,
    ]);
    expect(table.rows.find((row) => row[0] === "publish delay p50 (µs)")).toEqual([
      "publish delay p50 (µs)",
      10,
      null,
    ]);
  });

  it("shows the yardstick ratios, the client's ceiling and a client-bound mark; a spread too wide is not quoted", () => {
    expect(yardstickTable(results.yardstick ?? []).rows[0]).toEqual([
      "kafka",
      950,
      1000,
      0.95,
      "kafka ProducerPerformance",
      2000,
      "too wide (0.3–0.6)",
      0.5,
      "97.5 client-bound",
      "1031.58 / 980",
    ]);
  });

  it("titles the consume and end-to-end sides and adds their CPU adapter ÷ raw", () => {
    const [publish] = results.yardstick ?? [];
    if (publish === undefined) throw new Error("the fixture has a yardstick entry");
    const cpuVsRawSpread = { p25: 1.1, median: 1.2, p75: 1.3, relative: 0.167, quotable: true };
    const consuming = { ...publishing, role: "consumer" as const, published: 0 };
    const consume = yardstickTable([
      {
        ...publish,
        side: "consume",
        cpu: {
          adapter: { ...consuming, consumed: 950, usPerRecordConsumed: 12 },
          raw: { ...consuming, consumed: 1000, usPerRecordConsumed: 10 },
        },
        cpuVsRaw: 1.2,
        cpuVsRawSpread,
      },
    ]);
    expect(consume.title).toBe("Yardstick: consume and acknowledge a filled topic");
    expect(consume.rows[0]?.slice(-2)).toEqual(["12 / 10", 1.2]);
    const endToEnd = yardstickTable([
      {
        ...publish,
        side: "end-to-end",
        offeredRate: 10_000,
        cpu: {
          adapter: { ...publishing, role: "coordinator", usPerRecord: 30, mainThreadPercent: 40 },
          raw: { ...publishing, role: "coordinator", usPerRecord: 25 },
        },
        clientBound: false,
        cpuVsRaw: 1.2,
        cpuVsRawSpread,
      },
    ]);
    expect(endToEnd.title).toBe("Yardstick: end to end at 10000 msg/s");
    expect(endToEnd.rows[0]).toEqual(["kafka", 10_000, 950, 1000, "30 / 25", 1.2, 40]);
  });

  it("gives the client's CPU per record end to end, and per side where processes split the roles", () => {
    const table = summaryTable({
      ...results,
      targets: [
        {
          target: "kafka",
          ok: true,
          publishRate: { msgPerSec: 100, mbPerSec: 0.1 },
          errors: [],
          notes: [],
          processes: [
            {
              role: "producer",
              where: "a",
              pid: 2,
              userMs: 90,
              systemMs: 10,
              percentOfOneCore: 5,
              published: 10_000,
              consumed: 0,
            },
            {
              role: "consumer",
              where: "b",
              pid: 3,
              userMs: 150,
              systemMs: 0,
              percentOfOneCore: 7,
              published: 0,
              consumed: 10_000,
            },
          ],
        },
      ],
    });
    const row = (label: string) => table.rows.find((cells) => cells[0] === label)?.[1];
    expect(row("bench CPU per record published (µs)")).toBe(10);
    expect(row("bench CPU per record consumed (µs)")).toBe(15);
    expect(row("bench CPU per record, publish + consume (µs)")).toBe(25);
  });

  it("renders Markdown and a self-contained HTML page with every chart", () => {
    const markdown = renderMarkdown(results);
    expect(markdown).toContain("| status | ok | FAILED |");
    expect(markdown).toContain("redis-list: FAILED: cannot reach 127.0.0.1:1");
    const html = renderHtml(results);
    expect(html.match(/<svg[^>]*class="bl-chart"/g)).toHaveLength(7);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("speaks Korean with the Korean catalogue, with the same rows", () => {
    const ko = benchMessagesFor("ko");
    const table = summaryTable(results, ko);
    expect(table.headers).toEqual(["측정값", "kafka", "redis-list"]);
    expect(table.rows[0]).toEqual(["상태", "정상", "실패"]);
    expect(table.rows).toHaveLength(summaryTable(results).rows.length);
    const html = renderHtml(results, ko, "ko");
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("<h2>지연 백분위수</h2>");
    expect(renderMarkdown(results, ko)).toContain("## 수치의 뜻");
  });
});
