import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  barChart,
  checkHtmlInBrowser,
  htmlPage,
  htmlTable,
  lineChart,
  writeReportFiles,
} from "../src/index.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("a report page in headless Chromium", () => {
  it("renders its charts with no console errors and no network requests", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bl-report-"));
    dirs.push(dir);
    const html = htmlPage({
      title: "brokerlab test report",
      intro: "A page with two charts and a table.",
      sections: [
        {
          id: "lag",
          heading: "Lag",
          explanation: "Log-end offset minus committed offset.",
          html: lineChart({
            title: "Lag",
            logY: true,
            series: [
              {
                name: "kafka",
                points: [
                  [0, 100],
                  [1, 10],
                  [2, 1],
                ],
              },
            ],
          }),
        },
        {
          id: "partitions",
          heading: "Partitions",
          html:
            htmlTable({ headers: ["metric", "kafka"], rows: [["supported", true]] }) +
            barChart({
              title: "Per partition",
              categories: ["0", "1"],
              series: [{ name: "kafka", values: [5, 7] }],
            }),
        },
      ],
    });
    const written = await writeReportFiles(dir, { json: { ok: true }, markdown: "# report", html });
    expect(JSON.parse(await readFile(written.json, "utf8"))).toEqual({ ok: true });
    const check = await checkHtmlInBrowser(written.html);
    expect(check.title).toBe("brokerlab test report");
    expect(check.consoleErrors).toEqual([]);
    expect(check.failedRequests).toEqual([]);
    expect(check.svgCharts).toBe(2);
  });

  it("reports a page that tries to reach the network", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bl-report-"));
    dirs.push(dir);
    const written = await writeReportFiles(dir, {
      json: {},
      markdown: "",
      html: '<!doctype html><title>bad</title><img src="http://127.0.0.1:9/x.png">',
    });
    const check = await checkHtmlInBrowser(written.html);
    expect(check.failedRequests.some((request) => request.startsWith("http://127.0.0.1:9/x.png"))).toBe(true);
  });
});
