import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkHtmlInBrowser } from "@brokerlab/report";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("the HTML report in headless Chromium", () => {
  it("renders the tables and the lag, partition and retention charts with no console errors or network requests", async () => {
    const out = await mkdtemp(join(tmpdir(), "bl-scenario-html-"));
    dirs.push(out);
    const run = spawnSync(
      join(ROOT, "node_modules/.bin/tsx"),
      [
        "--conditions=source",
        join(ROOT, "apps/scenarios/src/cli.ts"),
        "retention",
        "partitioning",
        "lag",
        "--targets",
        "kafka,redis-stream",
        "--messages",
        "20",
        "--out",
        out,
        "--lang",
        "en",
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 150_000, env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(run.stderr).toContain("report:");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("│ stored after consume");
    const markdown = await readFile(join(out, "report.md"), "utf8");
    expect(markdown).toContain("| metric | kafka | redis-stream |");
    expect(await readFile(join(out, "report.html"), "utf8")).toContain('<html lang="en">');
    const check = await checkHtmlInBrowser(join(out, "report.html"));
    expect(check.title).toBe("brokerlab: the same workload on every target");
    expect(check.consoleErrors).toEqual([]);
    expect(check.failedRequests).toEqual([]);
    // Retention-policy timeline, partition histogram, lag over time.
    expect(check.svgCharts).toBe(3);
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).toContain("Retention policy: records stored over time");
    expect(html).toContain("Records per partition");
    expect(html).toContain("Consumer lag over time");
  }, 180_000);
});
