import { defineConfig } from "vitest/config";

// One vitest config for every package: sources resolve through the "source" export condition,
// so tests never need a build first. Broker tests share real brokers, so files run one at a time.
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // The JSON result feeds the one-line total that `pnpm test` prints at the end (scripts/test-summary.mjs).
    reporters: ["default", "json"],
    outputFile: { json: ".vitest/results.json" },
  },
});
