import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    test: { testTimeout: 90_000, reporters: ["default", "./src/table-reporter.ts"] },
  }),
);
