import { consume, numberedRecords, numberOf, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** ordering: publish order holds per key (partition) or per queue. */
export function orderingCases({ caps, start, open }: SuiteContext): void {
  if (caps.ordering !== "none") {
    it(`delivers in publish order per ${caps.ordering === "partition" ? "key" : "queue"}`, async () => {
      const client = await open();
      const partitions = caps.partitions ? 3 : 1;
      const topic = await useTopic(client, "order", { partitions });
      const keys = ["a", "b", "c", "d"];
      const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start, prefetch: 50 });
      const records = numberedRecords(200, { keyOf: (n) => keys[n % keys.length] ?? null });
      for (let i = 0; i < records.length; i += 20) await client.publish(topic, records.slice(i, i + 20));
      const deliveries = await inbox.waitFor(200);
      const sequence = (key: string | null) =>
        deliveries.filter((d) => caps.ordering === "queue" || d.key === key).map(numberOf);
      for (const key of caps.ordering === "queue" ? [null] : keys) {
        const seen = sequence(key);
        expect(seen).toEqual([...seen].sort((x, y) => x - y));
      }
    });
  }
}
