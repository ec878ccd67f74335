import { defineConfig } from "vitest/config";

// `pnpm test:unit`: every test beside the code (src/**/*.test.ts) in one run, files in parallel. Those need
// no broker by the layout rule (broker tests live in test/); the broker addresses point at a closed port so
// a unit test that connected anyway fails at once instead of passing on a machine that happens to run brokers.
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["{packages,apps,tools}/*/src/**/*.test.ts"],
    env: {
      BROKERLAB_KAFKA_BROKERS: "127.0.0.1:1",
      BROKERLAB_RABBITMQ_URL: "amqp://guest:guest@127.0.0.1:1",
      BROKERLAB_REDIS_URL: "redis://127.0.0.1:1",
    },
  },
});
