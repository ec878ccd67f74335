import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";

const SCENARIOS_DIR = join(import.meta.dirname, "../scenarios");

/** Every metric id a scenario writes as `context.metrics.<id> =`. */
function metricIdsWritten(): string[] {
  const ids = new Set<string>();
  for (const file of readdirSync(SCENARIOS_DIR).filter((name) => name.endsWith(".ts"))) {
    const text = readFileSync(join(SCENARIOS_DIR, file), "utf8");
    for (const match of text.matchAll(/context\.metrics\.(\w+) =/g)) if (match[1]) ids.add(match[1]);
  }
  return [...ids].sort();
}

describe("metric labels", () => {
  it("label every metric a scenario writes, so no table row shows a bare id", () => {
    expect(metricIdsWritten().filter((id) => !Object.hasOwn(en.metrics, id))).toEqual([]);
  });
});
