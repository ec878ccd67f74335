import { ensureCluster, fault, healAll } from "@brokerlab/brokers";
import { PublishRejectedError } from "@brokerlab/messaging";
import { Inbox, sleep, uniqueName, useClient, waitUntil } from "@brokerlab/testing";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createRabbitMqClient, rabbitMqSettings } from "../src/index.js";
import { records } from "./helpers.js";

// The three-node cluster `pnpm brokers up --cluster` runs (started here when it is not up).
beforeAll(() => ensureCluster({ only: ["rabbitmq"] }), 300_000);

const settings = rabbitMqSettings({ env: { ...process.env, BROKERLAB_DEPLOYMENT: "cluster" } });

describe("rabbitmq-quorum on the cluster", () => {
  it("connects to the first node, and after that node is killed reconnects to a surviving one and loses nothing", {
    timeout: 180_000,
  }, async () => {
    onTestFinished(async () => {
      await healAll({ only: ["rabbitmq"] });
    }, 180_000);
    const client = await useClient(() =>
      createRabbitMqClient("rabbitmq-quorum", {
        ...settings,
        connectionTimeoutMs: 30_000,
        reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 },
      }),
    );
    expect(client.address).toBe("127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703");
    // Three members confirm by majority: replicated, and no weaker leader-only confirm.
    expect(client.capabilities.durability).toEqual(["none", "replicated"]);
    const topic = uniqueName("cluster");
    await client.createTopic(topic);
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, inbox.handler());
    await client.publish(topic, records(20), { durability: "replicated" });
    await inbox.waitFor(20);

    // The client's connection is on rabbitmq-1 (the first URL that answered).
    await fault("kill", "rabbitmq-1");
    await publishAgainWhileRejected(() =>
      client.publish(topic, records(20, 20), { durability: "replicated" }),
    );
    // Deliveries unacknowledged when the node died come again: count distinct records.
    await waitUntil(() => inbox.distinct() >= 40, "all 40 records", 60_000);
    expect(new Set(inbox.numbers())).toEqual(new Set(Array.from({ length: 40 }, (_, i) => i)));
    await client.deleteTopic(topic);
  });
});

/**
 * A quorum queue whose leader has just died can nack what it had not committed: the contract's
 * PublishRejectedError, nothing stored, publish again later. A service does that, so the test does; any other
 * error fails it.
 */
async function publishAgainWhileRejected(publish: () => Promise<unknown>, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await publish();
      return;
    } catch (error) {
      if (!(error instanceof PublishRejectedError) || attempt === attempts) throw error;
      await sleep(500);
    }
  }
}
