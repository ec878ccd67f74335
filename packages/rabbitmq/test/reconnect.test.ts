import { isBrokerlabError } from "@brokerlab/messaging";
import { Inbox, uniqueName, useClient } from "@brokerlab/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRabbitMqClient,
  RABBITMQ_TARGETS,
  type RabbitMqClient,
  type RabbitMqTarget,
} from "../src/index.js";
import { records } from "./helpers.js";
import { LocalRabbitNode } from "./local-rabbitmq-node.js";

// These tests stop and wipe a broker, so they run against a node of their own, never the shared one.
let node: LocalRabbitNode;
beforeAll(async () => {
  node = await LocalRabbitNode.start();
}, 90_000);
afterAll(async () => {
  await node?.stop();
}, 60_000);

function connectedClient(target: RabbitMqTarget): Promise<RabbitMqClient> {
  return useClient(() =>
    createRabbitMqClient(target, {
      url: node.url,
      connectionTimeoutMs: 30_000,
      reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 },
    }),
  );
}

async function consumeAll(client: RabbitMqClient, topic: string): Promise<Inbox> {
  const inbox = new Inbox();
  await client.subscribe(topic, { group: "g" }, inbox.handler());
  return inbox;
}

describe("reconnect", () => {
  for (const target of RABBITMQ_TARGETS) {
    it(`${target}: resumes its subscription after the broker restarts, and a publish made meanwhile lands`, {
      timeout: 90_000,
    }, async () => {
      const client = await connectedClient(target);
      const topic = uniqueName("restart");
      await client.createTopic(topic);
      const inbox = await consumeAll(client, topic);
      await client.publish(topic, records(5));
      await inbox.waitFor(5);

      await node.stopApp();
      // Waits for the reconnect instead of failing while the broker is down.
      const publishing = client.publish(topic, records(5, 5));
      await node.startApp();
      await publishing;

      await inbox.waitFor(10, 30_000);
      if (target === "rabbitmq-stream") {
        // Resumed after the last offset it had handed out: nothing twice, nothing missing.
        expect(inbox.numbers()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      } else {
        expect(new Set(inbox.numbers())).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
      }
      await client.deleteTopic(topic);
    });
  }

  it("re-declares the queues it created when the broker comes back without them", {
    timeout: 90_000,
  }, async () => {
    const client = await connectedClient("rabbitmq-quorum");
    const topic = uniqueName("redeclare");
    await client.createTopic(topic, { deliveryLimit: 3 });
    const inbox = await consumeAll(client, topic);

    await node.stopApp();
    await node.reset();
    await node.startApp();

    await client.publish(topic, records(3));
    await inbox.waitFor(3, 30_000);
    expect(inbox.numbers()).toEqual([0, 1, 2]);
    await client.deleteTopic(topic);
  });

  it("publishes across a dropped connection either confirm or reject with ConnectionError; confirmed ones are kept", {
    timeout: 90_000,
  }, async () => {
    const client = await connectedClient("rabbitmq-queue");
    const topic = uniqueName("inflight");
    await client.createTopic(topic);
    let confirmed = 0;
    let next = 0;
    const failures: unknown[] = [];
    let closed = false;
    const closing = node.closeConnection(client.connectionName).finally(() => {
      closed = true;
    });
    // Publish continuously while the server closes the connection, so some batches are in flight then.
    const publishers = Array.from({ length: 4 }, async () => {
      while (!closed) {
        const batch = records(20, next);
        next += 20;
        await client.publish(topic, batch).then(
          () => {
            confirmed += batch.length;
          },
          (error: unknown) => failures.push(error),
        );
      }
    });
    await closing;
    await Promise.all(publishers);
    for (const failure of failures) {
      expect(isBrokerlabError(failure) && failure.code).toBe("BROKERLAB_CONNECTION_FAILED");
    }
    await client.publish(topic, records(1, next));
    expect((await client.inspect(topic)).stored).toBeGreaterThanOrEqual(confirmed + 1);
    await client.deleteTopic(topic);
  });
});
