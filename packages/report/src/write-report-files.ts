import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface ReportFiles {
  /** Serialised with two-space indent; a string is written as it is. */
  readonly json: unknown;
  readonly markdown: string;
  readonly html: string;
}

export interface WrittenReport {
  readonly dir: string;
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
}

/** Writes `results.json`, `report.md` and `report.html` into `dir` (created if missing). */
export async function writeReportFiles(dir: string, files: ReportFiles): Promise<WrittenReport> {
  const absolute = resolve(dir);
  await mkdir(absolute, { recursive: true });
  const paths: WrittenReport = {
    dir: absolute,
    json: join(absolute, "results.json"),
    markdown: join(absolute, "report.md"),
    html: join(absolute, "report.html"),
  };
  const json = typeof files.json === "string" ? files.json : `${JSON.stringify(files.json, null, 2)}\n`;
  await Promise.all([
    writeFile(paths.json, json),
    writeFile(paths.markdown, files.markdown.endsWith("\n") ? files.markdown : `${files.markdown}\n`),
    writeFile(paths.html, files.html),
  ]);
  return paths;
}
