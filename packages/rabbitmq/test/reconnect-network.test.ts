import { Inbox, sleep, uniqueName, useClient } from "@brokerlab/testing";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { createRabbitMqClient, type RabbitMqClient, type RabbitMqTarget } from "../src/index.js";
import { rabbitClient, records, SHARED_URL } from "./helpers.js";
import { TcpProxy } from "./tcp-proxy.js";

// The network between client and broker fails; the shared broker keeps running (and keeps its queues).
let proxy: TcpProxy | undefined;
afterEach(() => proxy?.cut());

async function clientThroughProxy(target: RabbitMqTarget): Promise<RabbitMqClient> {
  const shared = new URL(SHARED_URL);
  proxy = await TcpProxy.start({ host: shared.hostname, port: Number(shared.port || 5672) });
  const url = new URL(SHARED_URL);
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  return useClient(() =>
    createRabbitMqClient(target, {
      url: url.toString(),
      connectionTimeoutMs: 20_000,
      reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
    }),
  );
}

describe("reconnect after a network cut", () => {
  it("a stream subscription resumes after the last offset it handed out", { timeout: 60_000 }, async () => {
    const client = await clientThroughProxy("rabbitmq-stream");
    const admin = await rabbitClient("rabbitmq-stream");
    const topic = uniqueName("cut");
    await client.createTopic(topic);
    onTestFinished(() => admin.deleteTopic(topic));
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, inbox.handler());
    await client.publish(topic, records(3));
    await inbox.waitFor(3);

    await proxy?.cut();
    // Written by another client while this one is cut off.
    await admin.publish(topic, records(3, 3));
    await sleep(300);
    await proxy?.open();

    await inbox.waitFor(6);
    await client.publish(topic, records(2, 6));
    await inbox.waitFor(8);
    expect(inbox.numbers()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("re-declares a queue deleted while it was cut off, and its consumer returns", {
    timeout: 60_000,
  }, async () => {
    const client = await clientThroughProxy("rabbitmq-queue");
    const admin = await rabbitClient("rabbitmq-queue");
    const topic = uniqueName("cut");
    await client.createTopic(topic, { retention: { maxCount: 100 } });
    onTestFinished(() => admin.deleteTopic(topic));
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, inbox.handler());

    await proxy?.cut();
    await admin.deleteTopic(topic);
    await proxy?.open();

    await client.publish(topic, records(2));
    await inbox.waitFor(2);
    expect(inbox.numbers()).toEqual([0, 1]);
  });
});
