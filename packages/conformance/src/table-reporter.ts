import type { Reporter, TestModule } from "vitest/node";

const MARK = { passed: "✓", failed: "✗", skipped: "–", pending: "…" } as const;

/**
 * Prints a target × case table after the run. Case names are the test names; targets are the
 * top-level describe blocks. Cases a target does not declare run as their opposite (or typed
 * refusal) under their own name, so a row may be named differently per target: rows are the union.
 */
export default class TableReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const cells = new Map<string, Map<string, string>>();
    const targets: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const target = test.fullName.split(" > ")[0] ?? "?";
        if (!targets.includes(target)) targets.push(target);
        const row = cells.get(test.name) ?? new Map<string, string>();
        row.set(target, MARK[test.result().state]);
        cells.set(test.name, row);
      }
    }
    if (targets.length === 0) return;
    const width = Math.max(...[...cells.keys()].map((name) => name.length), 4);
    const columns = targets.map((target) => Math.max(target.length, 1));
    const line = (first: string, rest: string[]) =>
      `${first.padEnd(width)} │ ${rest.map((cell, i) => cell.padEnd(columns[i] ?? 1)).join(" │ ")}`;
    const out = [
      line("case", targets),
      "─".repeat(width + 1) + columns.map((c) => `┼${"─".repeat(c + 2)}`).join(""),
    ];
    for (const [name, row] of cells)
      out.push(
        line(
          name,
          targets.map((target) => row.get(target) ?? " "),
        ),
      );
    process.stdout.write(
      `\nConformance: target × case (✓ passed, ✗ failed, blank = not applicable)\n${out.join("\n")}\n`,
    );
  }
}
