import { sleep, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { kafkaClient } from "./helpers.js";

describe("kafka retention", () => {
  it("splits publishes to fit small segments, and the broker drops what is beyond retention.bytes", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "segments", { retention: { maxBytes: 4096, segmentBytes: 4096 } });
    const payload = Buffer.alloc(512, 3);
    // 80 records of 512 bytes in one call: far more than one 4 KiB segment can take in a single batch.
    const receipts = await client.publish(
      topic,
      Array.from({ length: 80 }, () => ({ key: null, value: payload })),
    );
    expect(receipts.map((r) => r.position?.offset)).toEqual(Array.from({ length: 80 }, (_, i) => String(i)));

    // The broker enforces retention on its own schedule (log.retention.check.interval.ms; `pnpm brokers up`
    // sets 5 s): wait for it, then the oldest segments are gone and the first offset moved.
    const deadline = Date.now() + 40_000;
    let state = await client.inspect(topic);
    while (state.stored === 80 && Date.now() < deadline) {
      await sleep(500);
      state = await client.inspect(topic);
    }
    expect(state.stored).toBeLessThan(80);
    expect(state.stored).toBeGreaterThan(0);
    expect(Number(state.partitions[0]?.first?.offset)).toBeGreaterThan(0);
    expect(state.partitions[0]?.last?.offset).toBe("79");
  });
});
