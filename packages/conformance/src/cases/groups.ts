import { consume, eventually, numberedRecords, sleep, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import { QUIET_MS, type SuiteContext } from "../suite-context.js";

/** consumerGroups and competingConsumers: how two groups and two consumers of one group share records. */
export function groupCases({ caps, start, open }: SuiteContext): void {
  it(`two groups ${caps.consumerGroups ? "each receive every record" : "share one queue and split the records"}`, async () => {
    const client = await open();
    const topic = await useTopic(client, "groups");
    const a = await consume(client, topic, { group: uniqueName("a"), from: start });
    const b = await consume(client, topic, { group: uniqueName("b"), from: start });
    await client.publish(topic, numberedRecords(20));
    if (caps.consumerGroups) {
      await Promise.all([a.inbox.waitFor(20), b.inbox.waitFor(20)]);
      expect(new Set(a.inbox.numbers()).size).toBe(20);
      expect(new Set(b.inbox.numbers()).size).toBe(20);
    } else {
      await eventually(
        async () => a.inbox.deliveries.length + b.inbox.deliveries.length,
        (n) => n >= 20,
      );
      await sleep(QUIET_MS);
      const all = [...a.inbox.numbers(), ...b.inbox.numbers()];
      expect(all).toHaveLength(20);
      expect(new Set(all).size).toBe(20);
    }
  });

  it(`two consumers in one group ${caps.competingConsumers ? "split the records" : "each read everything"}`, async () => {
    const client = await open();
    const topic = await useTopic(client, "compete", { partitions: caps.partitions ? 4 : 1 });
    const group = uniqueName("g");
    const one = await consume(client, topic, { group, from: start, prefetch: 5 });
    const two = await consume(client, topic, { group, from: start, prefetch: 5 });
    // Slow handlers would make a prefetch-bound split visible; distinct keys spread over partitions.
    await client.publish(topic, numberedRecords(40));
    if (caps.competingConsumers) {
      await eventually(
        async () => one.inbox.deliveries.length + two.inbox.deliveries.length,
        (n) => n >= 40,
        30_000,
      );
      await sleep(QUIET_MS);
      const all = [...one.inbox.numbers(), ...two.inbox.numbers()];
      expect(new Set(all).size).toBe(40);
      expect(all).toHaveLength(40);
      expect(one.inbox.deliveries.length).toBeGreaterThan(0);
      expect(two.inbox.deliveries.length).toBeGreaterThan(0);
    } else {
      await Promise.all([one.inbox.waitFor(40), two.inbox.waitFor(40)]);
      expect(new Set(one.inbox.numbers()).size).toBe(40);
      expect(new Set(two.inbox.numbers()).size).toBe(40);
    }
  });
}
