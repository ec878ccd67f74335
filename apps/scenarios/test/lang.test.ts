import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkHtmlInBrowser, displayWidth } from "@brokerlab/report";
import { afterEach, describe, expect, it } from "vitest";
import { messagesFor } from "../src/i18n/index.js";
import { terminalScenario, terminalVerdict } from "../src/report/render.js";
import type { RunResults } from "../src/results.js";
import { SCENARIOS } from "../src/scenarios/index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WIDTH = 120;
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Runs `pnpm scenario` with the locale variables cleared (then `env`), writing into a fresh directory. */
async function scenario(args: string[], env: Record<string, string> = {}) {
  const out = await mkdtemp(join(tmpdir(), "bl-scenario-lang-"));
  dirs.push(out);
  const { LANG: _l, LC_ALL: _a, LC_MESSAGES: _m, BROKERLAB_LANG: _b, ...rest } = process.env;
  const run = spawnSync(
    join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=source", join(ROOT, "apps/scenarios/src/cli.ts"), ...args, "--out", out],
    { cwd: ROOT, encoding: "utf8", timeout: 600_000, env: { ...rest, ...env, NO_COLOR: "1" } },
  );
  const results = JSON.parse(await readFile(join(out, "results.json"), "utf8")) as RunResults;
  const html = await readFile(join(out, "report.html"), "utf8");
  return { ...run, out, results, html };
}

/** Every key path of a JSON value; arrays by index, so two runs of the same scenarios compare equal. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => [
    `${prefix}.${key}`,
    ...keyPaths(child, `${prefix}.${key}`),
  ]);
}

/** The lines of the box-drawn tables in a terminal output (and their titles), with their display widths. */
function tableLines(stdout: string): string[] {
  return stdout.split("\n").filter((line) => /^[┌│├└]/.test(line));
}

const HANGUL = /[가-힣]/;

describe("reports in the reader's language", () => {
  it("LANG=ko_KR.UTF-8 makes `replay` Korean without a flag; --lang en is English; results.json keys match", async () => {
    const ko = await scenario(["replay", "--targets", "kafka,rabbitmq-queue,redis-stream"], {
      LANG: "ko_KR.UTF-8",
    });
    const en = await scenario(["replay", "--targets", "kafka,rabbitmq-queue,redis-stream", "--lang", "en"], {
      LANG: "ko_KR.UTF-8",
    });
    expect(ko.status).toBe(0);
    expect(en.status).toBe(0);
    expect(ko.stdout).toContain("다시 읽기: 새 컨슈머가 이전 위치로 돌아가 읽기");
    expect(ko.stdout).toContain("│ 오프셋부터 다시 읽은 수");
    expect(ko.stderr).toContain("▶ 시나리오 1/1: replay");
    expect(ko.html).toContain('<html lang="ko">');
    expect(en.stdout).not.toMatch(HANGUL);
    expect(en.stdout).toContain("│ replayed from position");
    expect(en.html).toContain('<html lang="en">');
    // Metric names, ids and every other key are the same in both languages; only the texts differ.
    expect(keyPaths(ko.results.scenarios)).toEqual(keyPaths(en.results.scenarios));
    expect(ko.results.scenarios[0]?.results[0]?.summary).toMatch(HANGUL);
  }, 240_000);

  it("`all --lang ko` on every target prints Korean tables within 120 columns and a Korean report Chromium renders with a Hangul font; the same results fit in English", async () => {
    const run = await scenario(["all", "--lang", "ko", "--messages", "8"]);
    expect(run.stderr).toContain("보고서:");
    const lines = tableLines(run.stdout);
    expect(lines.length).toBeGreaterThan(SCENARIOS.length * 5);
    expect(lines.filter((line) => displayWidth(line) > WIDTH)).toEqual([]);
    expect(run.stdout).toContain("메시지 브로커인가, 이벤트 브로커인가?");
    expect(run.stdout).toContain("│ 소비 후에도 보존");

    const check = await checkHtmlInBrowser(join(run.out, "report.html"), {
      fontsOf: "h1",
      screenshot: join(run.out, "report.png"),
    });
    expect(check.lang).toBe("ko");
    expect(check.title).toBe(messagesFor("ko").report.title);
    expect(check.consoleErrors).toEqual([]);
    const korean = spawnSync("fc-list", [":lang=ko", "family"], { encoding: "utf8" }).stdout;
    const families = korean.split(/[\n,]/).map((family) => family.trim());
    expect(check.platformFonts.some((font) => families.includes(font))).toBe(true);

    // The English tables of the very same results, rendered from results.json.
    const scenarios = new Map(SCENARIOS.map((s) => [s.name, s]));
    const englishRender = { lang: "en" as const, m: messagesFor("en"), scenarios };
    const koreanRender = { lang: "ko" as const, m: messagesFor("ko"), scenarios };
    const english = [
      ...run.results.scenarios.map((result) => terminalScenario(result, englishRender, false)),
      terminalVerdict(run.results, englishRender, false),
    ].join("\n");
    expect(tableLines(english).filter((line) => displayWidth(line) > WIDTH)).toEqual([]);
    expect(tableLines(english).join("\n")).not.toMatch(HANGUL);

    // Eight targets where kafka-rdkafka did not run (a machine without librdkafka built): the same tables
    // with its column (a copy of kafka's) still fit; where it ran, the tables above already had eight.
    const eight = run.results.scenarios.map((result) => {
      const kafka = result.results.find((r) => r.target === "kafka");
      const ran = result.results.some((r) => r.target === "kafka-rdkafka");
      return kafka && !ran
        ? { ...result, results: [...result.results, { ...kafka, target: "kafka-rdkafka" }] }
        : result;
    });
    for (const render of [koreanRender, englishRender]) {
      const wide = eight.map((result) => terminalScenario(result, render, false)).join("\n");
      expect(tableLines(wide).filter((line) => displayWidth(line) > WIDTH)).toEqual([]);
    }
  }, 600_000);
});
