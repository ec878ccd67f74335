import { createServer, type Server } from "node:net";
import {
  ClosedError,
  ConnectionError,
  InvalidArgumentError,
  NotFoundError,
  StartAt,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { eventually, Inbox, numberOf, sleep, uniqueName, useTopic } from "@brokerlab/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createRabbitMqClient } from "../src/index.js";
import { rabbitClient, records, SHARED_URL } from "./helpers.js";

describe("connecting", () => {
  let silent: Server | undefined;
  afterEach(() => silent?.close());

  it("fails fast naming the address and `pnpm brokers up` when nothing listens", async () => {
    const client = createRabbitMqClient("rabbitmq-queue", { url: "amqp://guest:secret@127.0.0.1:1" });
    const error = await client.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("BROKERLAB_CONNECTION_FAILED");
    expect((error as Error).message).toMatch(/^cannot reach 127\.0\.0\.1:1: .*pnpm brokers up/);
    expect((error as Error).message).not.toContain("secret");
  });

  it("names TLS against the plaintext port in one line", async () => {
    const client = createRabbitMqClient("rabbitmq-queue", {
      url: "amqps://guest:guest@127.0.0.1:5672",
      connectionTimeoutMs: 3_000,
    });
    const error = await client.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^cannot reach 127\.0\.0\.1:5672: .*TLS/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("gives a distinct hint for credentials the broker refuses", async () => {
    const client = createRabbitMqClient("rabbitmq-queue", {
      url: SHARED_URL.replace(/\/\/[^@]*@/, "//guest:wrong-pw@"),
    });
    const error = await client.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/refused the user name or password/);
    expect((error as Error).message).not.toContain("wrong-pw");
  });

  it("gives up on a server that accepts but never speaks AMQP after the timeout", async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent?.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const client = createRabbitMqClient("rabbitmq-queue", {
      url: `amqp://guest:guest@127.0.0.1:${port}`,
      connectionTimeoutMs: 500,
    });
    const error = await client.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
  });

  it("reports the broker version from the connection's server properties", async () => {
    const client = await rabbitClient("rabbitmq-queue");
    expect(await client.brokerVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("says the queue type and whether publishes wait for confirms", async () => {
    const quorum = await rabbitClient("rabbitmq-quorum");
    expect(await quorum.settingsInEffect("replicated")).toMatchObject({
      "x-queue-type": "quorum",
      publisherConfirms: "yes",
    });
    const classic = await rabbitClient("rabbitmq-queue");
    expect(await classic.settingsInEffect("none")).toMatchObject({
      "x-queue-type": "classic",
      publisherConfirms: "no",
    });
  });
});

describe("topology", () => {
  it("creates a topic idempotently and refuses the same name with other settings in one line", async () => {
    const client = await rabbitClient("rabbitmq-quorum");
    const topic = await useTopic(client, "idem", { deliveryLimit: 3 });
    await client.createTopic(topic, { deliveryLimit: 3 });
    const error = await client.createTopic(topic, { deliveryLimit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/already exists with other settings/);
    // The failed declare did not take the client's connection down.
    await client.publish(topic, records(1));
    expect((await client.inspect(topic)).stored).toBe(1);
  });

  it.each(["rabbitmq-queue", "rabbitmq-quorum", "rabbitmq-stream"] as const)(
    "%s refuses publishing to and subscribing to a topic that does not exist, at every durability level",
    async (target) => {
      const client = await rabbitClient(target);
      const missing = uniqueName("missing");
      for (const durability of client.capabilities.durability) {
        await expect(client.publish(missing, records(1), { durability })).rejects.toBeInstanceOf(
          NotFoundError,
        );
      }
      await expect(client.subscribe(missing, { group: "g" }, () => {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.inspect(missing)).rejects.toBeInstanceOf(NotFoundError);
    },
  );

  it("finds a missing queue without confirms by its returned mandatory publish, and other publishes go on", async () => {
    const client = await rabbitClient("rabbitmq-queue");
    const topic = await useTopic(client, "mandatory");
    const missing = uniqueName("missing");
    // Both share the one plain channel: the returned record fails only its own publish.
    const [lost, kept] = await Promise.allSettled([
      client.publish(missing, records(5), { durability: "none" }),
      client.publish(topic, records(5), { durability: "none" }),
    ]);
    expect(lost.status === "rejected" && lost.reason).toBeInstanceOf(NotFoundError);
    expect(kept.status).toBe("fulfilled");
    await client.publish(topic, records(1), { durability: "none" });
    // "none" has no confirm: the qos barrier orders the channel's replies, not the queue's count, which can
    // lag deliveries still on their way inside RabbitMQ (CI once read 1 of 6). Read until six or time is up.
    const stored = await eventually(
      async () => (await client.inspect(topic)).stored,
      (n) => n >= 6,
      10_000,
    );
    expect(stored).toBe(6);
  });

  it("refuses a record whose value is not binary before anything is sent", async () => {
    const client = await rabbitClient("rabbitmq-queue");
    const topic = await useTopic(client, "invalid");
    const text = [{ value: "text" }] as unknown as ReturnType<typeof records>;
    await expect(client.publish(topic, text, { durability: "none" })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(client.publish("", records(1))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.createTopic("")).rejects.toBeInstanceOf(InvalidArgumentError);
    expect((await client.inspect(topic)).stored).toBe(0);
  });
});

describe("durability", () => {
  it("has one node's confirm on a single node, and refuses replicated there with the cluster hint", async () => {
    const classic = await rabbitClient("rabbitmq-queue");
    const quorum = await rabbitClient("rabbitmq-quorum");
    const classicTopic = await useTopic(classic, "dur");
    const quorumTopic = await useTopic(quorum, "dur");
    await expect(
      classic.publish(classicTopic, records(1), { durability: "replicated" }),
    ).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    // A single node's quorum queue has one member: its confirm is that member's write, no second copy.
    await expect(quorum.publish(quorumTopic, records(1), { durability: "replicated" })).rejects.toThrow(
      /rabbitmq-quorum does not support durability "replicated": .*replicated needs the cluster: .*--cluster/,
    );
    await quorum.publish(quorumTopic, records(1), { durability: "leader" });
    // Left out, durability is the target's one-node confirm.
    await classic.publish(classicTopic, records(2));
    await quorum.publish(quorumTopic, records(2));
    expect((await classic.inspect(classicTopic)).stored).toBe(2);
    expect((await quorum.inspect(quorumTopic)).stored).toBe(3);
  });

  it("waits for the write buffer to drain under backpressure and loses nothing", async () => {
    const client = await rabbitClient("rabbitmq-queue");
    const topic = await useTopic(client, "drain");
    const value = Buffer.alloc(64 * 1024, 1);
    const batch = (from: number) =>
      Array.from({ length: 100 }, (_, i) => ({ key: null, value, headers: { n: String(from + i) } }));
    await client.publish(topic, batch(0), { durability: "none" });
    await client.publish(topic, batch(100), { durability: "leader" });
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g", prefetch: 50 }, inbox.handler());
    await inbox.waitFor(200);
    expect(new Set(inbox.numbers()).size).toBe(200);
  });
});

describe("quorum queues", () => {
  it("dead-letters a record after its delivery limit, counting deliveries", async () => {
    const client = await rabbitClient("rabbitmq-quorum");
    const dlq = await useTopic(client, "dlq");
    const topic = await useTopic(client, "limit", { deliveryLimit: 2, deadLetterTopic: dlq });
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, async (delivery) => {
      inbox.push(delivery);
      await delivery.nack({ requeue: true });
    });
    await client.publish(topic, records(1));
    const dead = new Inbox();
    await client.subscribe(dlq, { group: "dl" }, dead.handler());
    const [record] = await dead.waitFor(1);
    expect(record?.value.toString()).toBe("r0");
    expect(record?.key).toBe("k0");
    expect(inbox.deliveries).toHaveLength(2);
    expect(inbox.deliveries.map((d) => d.redelivered)).toEqual([false, true]);
  });

  it("redelivers a record whose handler threw and reports the error", async () => {
    const errors: unknown[] = [];
    const client = await rabbitClient("rabbitmq-quorum", { onHandlerError: (error) => errors.push(error) });
    const topic = await useTopic(client, "throw");
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, async (delivery) => {
      inbox.push(delivery);
      if (!delivery.redelivered) throw new Error("boom");
      await delivery.ack();
    });
    await client.publish(topic, records(1));
    const [first, again] = await inbox.waitFor(2);
    expect(again?.value.toString()).toBe(first?.value.toString());
    expect(again?.redelivered).toBe(true);
    expect(errors).toHaveLength(1);
  });
});

describe("streams", () => {
  it("positions are stream offsets; inspect reads the first and last offset", async () => {
    const client = await rabbitClient("rabbitmq-stream");
    const topic = await useTopic(client, "offsets");
    expect((await client.inspect(topic)).stored).toBe(0);
    await client.publish(topic, records(7));
    const inbox = new Inbox();
    await client.subscribe(
      topic,
      { group: "g", from: StartAt.position({ partition: 0, offset: "2" }) },
      (d) => inbox.push(d),
    );
    const deliveries = await inbox.waitFor(5);
    expect(deliveries.map((d) => d.position.offset)).toEqual(["2", "3", "4", "5", "6"]);
    expect(deliveries.map((d) => d.headers.n)).toEqual(["2", "3", "4", "5", "6"]);
    const state = await client.inspect(topic);
    expect(state.stored).toBe(7);
    expect(state.partitions[0]?.first).toEqual({ partition: 0, offset: "0" });
    expect(state.partitions[0]?.last).toEqual({ partition: 0, offset: "6" });
  });

  it("tracks each group's lag from the offsets it acknowledged", async () => {
    const client = await rabbitClient("rabbitmq-stream");
    const topic = await useTopic(client, "lag");
    await client.publish(topic, records(10));
    const inbox = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: "a", prefetch: 10 },
      inbox.handler((delivery) => numberOf(delivery) < 7),
    );
    await inbox.waitFor(10);
    await subscription.close();
    expect((await client.lag(topic, "a")).total).toBe(3);
    // A group this client never saw acknowledge anything has the whole stream ahead of it.
    expect((await client.lag(topic, "b")).total).toBe(10);
  });

  it("refuses nack with requeue, and a nack without requeue keeps the connection working", async () => {
    const client = await rabbitClient("rabbitmq-stream");
    const topic = await useTopic(client, "nack");
    const outcomes: unknown[] = [];
    const inbox = new Inbox();
    await client.subscribe(topic, { group: "g" }, async (delivery) => {
      outcomes.push(await delivery.nack({ requeue: true }).catch((e: unknown) => e));
      await delivery.nack({ requeue: false });
      inbox.push(delivery);
    });
    await client.publish(topic, records(2));
    await inbox.waitFor(2);
    expect(outcomes[0]).toBeInstanceOf(UnsupportedCapabilityError);
    await client.publish(topic, records(1, 2));
    await inbox.waitFor(3);
  });

  it("refuses options a stream does not have", async () => {
    const client = await rabbitClient("rabbitmq-stream");
    await expect(client.createTopic(uniqueName("s"), { retention: { maxCount: 3 } })).rejects.toBeInstanceOf(
      UnsupportedCapabilityError,
    );
    const topic = await useTopic(client, "committed");
    await expect(client.subscribe(topic, { group: "g", from: StartAt.committed }, () => {})).rejects.toThrow(
      /does not support start position "committed"/,
    );
  });
});

describe("closing", () => {
  it("waits for confirms of publishes in flight", async () => {
    const client = createRabbitMqClient("rabbitmq-queue", { url: SHARED_URL });
    await client.connect();
    const topic = uniqueName("close");
    await client.createTopic(topic);
    const publishing = client.publish(topic, records(300));
    await client.close();
    await expect(publishing).resolves.toHaveLength(300);
    const reader = await rabbitClient("rabbitmq-queue");
    try {
      expect((await reader.inspect(topic)).stored).toBe(300);
    } finally {
      await reader.deleteTopic(topic);
    }
    await expect(client.publish(topic, records(1))).rejects.toBeInstanceOf(ClosedError);
    await expect(client.subscribe(topic, { group: "g" }, () => {})).rejects.toBeInstanceOf(ClosedError);
    await expect(client.createTopic(topic)).rejects.toBeInstanceOf(ClosedError);
    await expect(client.connect()).rejects.toBeInstanceOf(ClosedError);
  });

  it("stops handing out queued deliveries once the subscription closes", async () => {
    const client = await rabbitClient("rabbitmq-queue");
    const topic = await useTopic(client, "closing");
    await client.publish(topic, records(20));
    const inbox = new Inbox();
    const subscription = await client.subscribe(topic, { group: "g", prefetch: 20 }, async (delivery) => {
      inbox.push(delivery);
      await sleep(50);
      await delivery.ack();
    });
    await inbox.waitFor(1);
    await subscription.close();
    const handled = inbox.deliveries.length;
    expect(handled).toBeLessThan(20);
    // What was not acknowledged is back in the queue.
    expect((await client.inspect(topic)).stored).toBe(20 - handled);
  });
});
