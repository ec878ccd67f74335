import { ensureCluster, kafkaPartitionState } from "@brokerlab/brokers";
import { StartAt } from "@brokerlab/messaging";
import { eventually, Inbox, numberedRecords, uniqueName, useClient } from "@brokerlab/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createKafkaClient, kafkaSettings } from "../src/index.js";

// The three-node cluster `pnpm brokers up --cluster` runs (started here when it is not up).
beforeAll(() => ensureCluster({ only: ["kafka"] }), 300_000);

const settings = kafkaSettings({ env: { ...process.env, BROKERLAB_DEPLOYMENT: "cluster" } });

describe("kafka on the cluster", () => {
  it("creates topics with three replicas, all in sync, and round-trips replicated publishes", {
    timeout: 120_000,
  }, async () => {
    const client = await useClient(() =>
      createKafkaClient({ ...settings, clientId: "brokerlab-cluster-test" }),
    );
    expect(client.address).toBe("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096");
    expect(client.capabilities.durability).toEqual(["none", "leader", "replicated"]);
    const topic = uniqueName("cluster");
    await client.createTopic(topic, { partitions: 1 });
    // A new topic's metadata takes a moment to reach every broker.
    const state = await eventually(
      () => kafkaPartitionState(topic).catch(() => undefined),
      (found) => found?.inSync.length === 3,
      30_000,
    );
    expect(state?.replicas).toHaveLength(3);
    expect(state?.inSync).toHaveLength(3);
    const inbox = new Inbox();
    await client.subscribe(topic, { group: uniqueName("g"), from: StartAt.earliest }, inbox.handler());
    await client.publish(topic, numberedRecords(10), { durability: "replicated" });
    await inbox.waitFor(10, 60_000);
    expect(inbox.numbers()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await client.deleteTopic(topic);
  });
});
