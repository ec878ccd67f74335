import {
  ClosedError,
  ConnectionError,
  InvalidArgumentError,
  type MessageRecord,
  NotFoundError,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { Redis } from "ioredis";
import { describe, expect, it, onTestFinished } from "vitest";
import { createRedisClient, REDIS_TARGETS, redisCapabilities } from "../src/index.js";
import {
  consume,
  eventually,
  REDIS_URL,
  records,
  sleep,
  uniqueName,
  useClient,
  useTopic,
} from "./helpers.js";

async function keysOf(topic: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL);
  onTestFinished(() => redis.quit().then(() => {}));
  const found: string[] = [];
  for (const pattern of [`brokerlab:{${topic}}:*`, `brokerlab:${topic}:*`]) {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== "0");
  }
  return found;
}

describe.each(REDIS_TARGETS)("%s client", (target) => {
  it("fails to connect within seconds, naming the address and how to start Redis", async () => {
    const client = createRedisClient(target, { url: "redis://127.0.0.1:1", connectionTimeoutMs: 1_000 });
    const attempt = client.connect();
    await expect(attempt).rejects.toBeInstanceOf(ConnectionError);
    await expect(attempt).rejects.toMatchObject({ code: "BROKERLAB_CONNECTION_FAILED" });
    await expect(attempt).rejects.toThrow(/127\.0\.0\.1:1.*pnpm brokers up/);
    await expect(attempt).rejects.toMatchObject({ address: "127.0.0.1:1" });
    expect(client.address).toBe("127.0.0.1:1");
    await client.close();
  });

  it("names TLS against the plaintext port and refused credentials, each in one line", async () => {
    const tls = createRedisClient(target, { url: "rediss://127.0.0.1:6379", connectionTimeoutMs: 2_000 });
    const tlsFailure = tls.connect();
    await expect(tlsFailure).rejects.toThrow(/^cannot reach 127\.0\.0\.1:6379: .*TLS[^\n]*$/);
    await tls.close();
    const login = createRedisClient(target, { url: "redis://nobody:secret-pw@127.0.0.1:6379" });
    const loginFailure = login.connect();
    await expect(loginFailure).rejects.toThrow(
      /^cannot reach 127\.0\.0\.1:6379: Redis refused the user or password/,
    );
    await expect(loginFailure).rejects.not.toThrow(/secret-pw/);
    await login.close();
  });

  it("reports the broker's version and its declared capabilities", async () => {
    const client = await useClient(target);
    expect(await client.brokerVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(client.capabilities).toBe(redisCapabilities[target]);
    expect(client.target).toBe(target);
  });

  it("refuses replicated on a single node with the reason, before anything is written", async () => {
    const client = await useClient(target);
    const topic = await useTopic(client, "replicated");
    const refused = client.publish(topic, records(1), { durability: "replicated" });
    await expect(refused).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    await expect(refused).rejects.toThrow(
      target === "bullmq"
        ? /cannot WAIT on after the add/
        : /no replica to WAIT for; replicated needs the cluster: .*--cluster/,
    );
    expect((await client.inspect(topic)).stored).toBe(0);
  });

  it("reports the persistence the server is configured with", async () => {
    const client = await useClient(target);
    const settings = await client.settingsInEffect?.("leader");
    expect(settings?.appendonly).toMatch(/^(yes|no)$/);
    expect(settings?.appendfsync).toMatch(/^(always|everysec|no)$/);
    expect(settings).toHaveProperty("save");
  });

  it("refuses publishing to and subscribing to a topic never created, at every durability, writing no key", async () => {
    const client = await useClient(target);
    const missing = uniqueName("missing");
    for (const durability of client.capabilities.durability) {
      await expect(client.publish(missing, records(1), { durability })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(client.subscribe(missing, { group: "g" }, () => {})).rejects.toThrow(
      new NotFoundError(missing, client.address),
    );
    expect(await keysOf(missing)).toEqual([]);
  });

  it("refuses a text value and an empty topic name before anything is written", async () => {
    const client = await useClient(target);
    const topic = await useTopic(client, "invalid");
    const textValue = [{ value: "text" }] as unknown as MessageRecord[];
    await expect(client.publish(topic, textValue)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.publish("", records(1))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.createTopic("")).rejects.toBeInstanceOf(InvalidArgumentError);
    expect((await client.inspect(topic)).stored).toBe(0);
  });

  it("rejects (never throws) every call after close with ClosedError", async () => {
    const client = createRedisClient(target, { url: REDIS_URL });
    await client.connect();
    await client.close();
    const topic = uniqueName("closed");
    const calls = [
      () => client.publish(topic, records(1)),
      () => client.subscribe(topic, { group: "g" }, () => {}),
      () => client.createTopic(topic),
      () => client.connect(),
    ];
    for (const call of calls) {
      let outcome: Promise<unknown> | undefined;
      expect(() => {
        outcome = call();
      }).not.toThrow();
      await expect(outcome).rejects.toBeInstanceOf(ClosedError);
    }
  });

  it("refuses a topic name that is not safe in keys with one clear line", async () => {
    const client = await useClient(target);
    await expect(client.createTopic("a:b")).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.addPartitions("t", 2)).rejects.toBeInstanceOf(UnsupportedCapabilityError);
  });

  it("lets a running handler finish its ack when the subscription closes", async () => {
    const client = await useClient(target);
    const topic = await useTopic(client, "graceful");
    let started: () => void = () => {};
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const group = uniqueName("g");
    const subscription = await client.subscribe(topic, { group }, async (delivery) => {
      started();
      await sleep(300);
      await delivery.ack();
    });
    await client.publish(topic, records(1));
    await handlerStarted;
    await subscription.close();
    expect((await client.lag(topic, group)).total).toBe(0);
    if (target !== "redis-stream") expect((await client.inspect(topic)).stored).toBe(0);
  });

  it("deletes every key the topic used", async () => {
    const client = await useClient(target);
    const topic = uniqueName("delete");
    await client.createTopic(
      topic,
      target === "bullmq" ? { deliveryLimit: 3 } : { retention: { maxCount: 100 } },
    );
    const { inbox, subscription } = await consume(
      client,
      topic,
      { group: uniqueName("g"), prefetch: 2 },
      (d) => {
        return d.headers.n !== "1";
      },
    );
    await client.publish(topic, records(4));
    await inbox.waitFor(3);
    await subscription.close();
    expect((await keysOf(topic)).length).toBeGreaterThan(0);
    await client.deleteTopic(topic);
    const left = await eventually(
      () => keysOf(topic),
      (keys) => keys.length === 0,
      5_000,
    );
    expect(left).toEqual([]);
  });
});
