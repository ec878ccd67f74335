import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadWorkload, payloadCandidates } from "./load-workload.js";

const targets = ["kafka"];
const base = "topics: 1\nmessageSize: 4\nproducerRate: 10\ntestDurationMinutes: 1\n";
let dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bl-workload-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe("loadWorkload", () => {
  it("looks for a relative payload file in the cwd, the workload's folder, then its parent", () => {
    expect(payloadCandidates("p/x.data", "repo/workloads/w.yaml", "/cwd")).toEqual([
      "/cwd/p/x.data",
      "/cwd/repo/workloads/p/x.data",
      "/cwd/repo/p/x.data",
    ]);
    expect(payloadCandidates("/abs/x.data", "w.yaml", "/cwd")).toEqual(["/abs/x.data"]);
  });

  it("finds the payload beside the workload folder and reads its bytes", () => {
    const repo = tempDir();
    mkdirSync(join(repo, "workloads"));
    mkdirSync(join(repo, "payload"));
    writeFileSync(join(repo, "payload", "p.data"), "abcd");
    writeFileSync(join(repo, "workloads", "w.yaml"), `${base}payloadFile: payload/p.data\n`);
    const loaded = loadWorkload("workloads/w.yaml", { targets, cwd: repo });
    expect(loaded.payload?.path).toBe(join(repo, "payload", "p.data"));
    expect(Buffer.from(loaded.payload?.bytes ?? []).toString()).toBe("abcd");
    expect(loaded.warnings).toEqual([]);
  });

  it("prefers the cwd over the workload's folder", () => {
    const cwd = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(cwd, "p.data"), "cwd!");
    writeFileSync(join(elsewhere, "p.data"), "near");
    writeFileSync(join(elsewhere, "w.yaml"), `${base}payloadFile: p.data\n`);
    expect(loadWorkload(join(elsewhere, "w.yaml"), { targets, cwd }).payload?.path).toBe(join(cwd, "p.data"));
  });

  it("says where it looked when the payload file is missing", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "w.yaml"), `${base}payloadFile: nope.data\n`);
    expect(() => loadWorkload("w.yaml", { targets, cwd: dir })).toThrow(
      /payloadFile: "nope.data" not found; looked in .*nope.data/,
    );
  });

  it("warns when the payload size differs from messageSize", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.data"), "123456");
    writeFileSync(join(dir, "w.yaml"), `${base}payloadFile: p.data\n`);
    expect(loadWorkload("w.yaml", { targets, cwd: dir }).warnings[0]).toMatch(
      /has 6 bytes but messageSize is 4/,
    );
  });

  it("applies overrides and reports a missing file or bad YAML in one line", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "w.yaml"), base);
    expect(
      loadWorkload("w.yaml", { targets, cwd: dir, overrides: { testDurationSeconds: 5 } }).workload
        .testDurationSeconds,
    ).toBe(5);
    expect(() => loadWorkload("missing.yaml", { targets, cwd: dir })).toThrow(
      /^missing.yaml: workload file not found/,
    );
    writeFileSync(join(dir, "bad.yaml"), "topics: [1\n");
    expect(() => loadWorkload("bad.yaml", { targets, cwd: dir })).toThrow(/^bad.yaml: not valid YAML/);
  });
});
