import { UnsupportedCapabilityError } from "@brokerlab/messaging";
import { consume, numberedRecords, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** partitions: keys stay on a partition and partitions only grow, or partitions are refused. */
export function partitionCases({ caps, start, open }: SuiteContext): void {
  if (caps.partitions) {
    it("creates partitions, keeps a key on one partition, and grows but never shrinks", async () => {
      const client = await open();
      const topic = await useTopic(client, "partitions", { partitions: 3 });
      expect((await client.inspect(topic)).partitions).toHaveLength(3);
      const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start });
      await client.publish(topic, numberedRecords(30, { keyOf: (n) => `k${n % 5}` }));
      await inbox.waitFor(30);
      const partitionsOf = new Map<string, Set<number>>();
      for (const d of inbox.deliveries) {
        const set = partitionsOf.get(d.key ?? "") ?? new Set<number>();
        set.add(d.position.partition);
        partitionsOf.set(d.key ?? "", set);
      }
      for (const set of partitionsOf.values()) expect(set.size).toBe(1);
      await client.addPartitions(topic, 6);
      expect((await client.inspect(topic)).partitions).toHaveLength(6);
      await expect(client.addPartitions(topic, 3)).rejects.toMatchObject({
        code: "BROKERLAB_INVALID_ARGUMENT",
      });
    });
  } else {
    it("refuses partitions with the typed error", async () => {
      const client = await open();
      const topic = await useTopic(client, "partitions");
      await expect(client.addPartitions(topic, 3)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
      await expect(client.createTopic(uniqueName("parts"), { partitions: 3 })).rejects.toBeInstanceOf(
        UnsupportedCapabilityError,
      );
    });
  }
}
