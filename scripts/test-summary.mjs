// Adds up the JSON results every package's vitest run wrote and prints one closing line,
// "Tests: N passed, N failed, N skipped", so a reader (or CI) sees the whole run's total at the end.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedPackages = [];
const failedTests = [];
for (const group of ["packages", "apps", "tools"]) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const file = join(group, name, ".vitest", "results.json");
    if (!existsSync(file)) continue;
    const result = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
    if (result.numFailedTests > 0 || result.success === false) failedPackages.push(`${group}/${name}`);
    for (const file of result.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== "failed") continue;
        const reason = (test.failureMessages?.[0] ?? "").split("\n")[0];
        failedTests.push(`  ${group}/${name} › ${test.fullName}\n      ${reason}`);
      }
    }
  }
}
// Named again at the very end: a long log is often read (or kept) only from its tail.
if (failedTests.length > 0) console.log(`\nFailed tests:\n${failedTests.join("\n")}`);
if (failedPackages.length > 0) console.log(`\nFailing: ${failedPackages.join(", ")}`);
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
