import { ensureCluster, fault, healAll, sentinelPrimary } from "@brokerlab/brokers";
import { eventually, Inbox, uniqueName, waitUntil } from "@brokerlab/testing";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { redisSettings } from "../src/index.js";
import { records, useClient } from "./helpers.js";

// The cluster's Redis: primary, two replicas, three Sentinels (started here when it is not up).
beforeAll(() => ensureCluster({ only: ["redis"] }), 300_000);

const settings = redisSettings({ env: { ...process.env, BROKERLAB_DEPLOYMENT: "cluster" } });

describe.each(["redis-list", "redis-stream"] as const)("%s replicated on the cluster", (target) => {
  it("publishes with WAIT 1 after the write and stores every record", { timeout: 60_000 }, async () => {
    const client = await useClient(target, settings);
    expect(client.capabilities.durability).toEqual(["none", "leader", "replicated"]);
    const topic = uniqueName("wait");
    await client.createTopic(topic);
    onTestFinished(() => client.deleteTopic(topic));
    const receipts = await client.publish(topic, records(10), { durability: "replicated" });
    expect(receipts).toHaveLength(10);
    expect((await client.inspect(topic)).stored).toBe(10);
  });
});

describe("bullmq on the cluster", () => {
  it("stays at leader: replicated is refused with the reason", { timeout: 60_000 }, async () => {
    const client = await useClient("bullmq", settings);
    expect(client.capabilities.durability).toEqual(["leader"]);
    await expect(
      client.publish(uniqueName("wait"), records(1), { durability: "replicated" }),
    ).rejects.toThrow(
      /bullmq does not support durability "replicated": BullMQ adds jobs on connections of its own/,
    );
  });
});

describe.each(["redis-stream", "bullmq"] as const)("%s through the Sentinels", (target) => {
  it("follows a promotion after the primary is killed: publishing resumes on the new primary, the subscription too", {
    timeout: 180_000,
  }, async () => {
    onTestFinished(async () => {
      await healAll({ only: ["redis"] });
    }, 180_000);
    const client = await useClient(target, settings);
    expect(client.address).toBe(
      "sentinel master brokerlab via 127.0.0.1:26391,127.0.0.1:26392,127.0.0.1:26393",
    );
    const topic = uniqueName("cluster");
    await client.createTopic(topic);
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, inbox.handler());
    await client.publish(topic, records(20));
    await inbox.waitFor(20);

    const before = await sentinelPrimary();
    if (!before) throw new Error("no primary");
    await fault("kill", before.name);
    // While no primary is elected, publishes fail (leader durability promises nothing else); once the
    // Sentinels promote a replica, the client finds it and publishes succeed again.
    const after = await eventually(
      sentinelPrimary,
      (primary) => primary !== undefined && primary.name !== before.name,
      30_000,
    );
    expect(after?.name).not.toBe(before.name);
    await eventually(
      () =>
        client.publish(topic, records(20, 20)).then(
          () => true,
          () => false,
        ),
      (published) => published,
      30_000,
    );
    // Deliveries unacknowledged when the node died come again: count distinct records.
    await waitUntil(() => inbox.distinct() >= 40, "all 40 records", 60_000);
    expect(new Set(inbox.numbers())).toEqual(new Set(Array.from({ length: 40 }, (_, i) => i)));
    await client.deleteTopic(topic);
  });
});
