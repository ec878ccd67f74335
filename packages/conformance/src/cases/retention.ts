import { eventually, numberedRecords, sleep, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** retention: count, size and time limits drop the oldest records. */
export function retentionCases({ caps, open }: SuiteContext): void {
  if (caps.retention.includes("count")) {
    it("drops the oldest records beyond a count limit", async () => {
      const client = await open();
      const topic = await useTopic(client, "maxcount", { retention: { maxCount: 5 } });
      await client.publish(topic, numberedRecords(20));
      const state = await eventually(
        () => client.inspect(topic),
        (s) => s.stored <= 5,
      );
      expect(state.stored).toBeLessThanOrEqual(5);
      expect(state.stored).toBeGreaterThan(0);
    });
  }

  if (caps.retention.includes("size")) {
    it("drops the oldest records beyond a size limit", async () => {
      const client = await open();
      const retention = { maxBytes: 4096, segmentBytes: 4096 };
      const topic = await useTopic(client, "maxbytes", { retention });
      const payload = Buffer.alloc(512, 1);
      for (let i = 0; i < 8; i++) {
        await client.publish(
          topic,
          Array.from({ length: 10 }, (_, j) => ({
            key: null,
            value: payload,
            headers: { n: String(i * 10 + j) },
          })),
        );
      }
      const state = await eventually(
        () => client.inspect(topic),
        (s) => s.stored < 80,
        60_000,
      );
      expect(state.stored).toBeLessThan(80);
    });
  }

  if (caps.retention.includes("time")) {
    it("drops records older than a time limit", async () => {
      const client = await open();
      const topic = await useTopic(client, "maxage", {
        retention: { maxAgeMs: 1_000, segmentBytes: 4096 },
      });
      const payload = Buffer.alloc(512, 2);
      let published = 0;
      const publishBatch = async () => {
        const records = Array.from({ length: 10 }, (_, j) => ({
          key: null,
          value: payload,
          headers: { n: String(published + j) },
        }));
        await client.publish(topic, records);
        published += records.length;
      };
      await publishBatch();
      await sleep(1_500);
      // Log brokers drop only closed segments and trim on write: keep writing so old segments close.
      const state = await eventually(
        async () => {
          await publishBatch();
          return client.inspect(topic);
        },
        (s) => s.stored < published,
        60_000,
      );
      expect(state.stored).toBeLessThan(published);
    });
  }
}
