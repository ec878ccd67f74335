import { randomUUID } from "node:crypto";
import amqplib from "amqplib";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { KAFKA } from "../src/definitions/kafka.js";
import { createTopicAndWait } from "../src/probes.js";
import { isLocalHost, parseHostPort, settingsFromEnv } from "../src/settings.js";
import { ensureBrokers } from "../src/up.js";

// One smoke test per broker with its raw client, against the brokers tests use (BROKERLAB_* or the
// standard local addresses): produce, consume, and read the broker's version.
const settings = settingsFromEnv();
const unique = (what: string) => `bl-smoke-${what}-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await ensureBrokers({ settings });
}, 180_000);

describe("kafka (kafkajs)", () => {
  const kafka = new Kafka({
    clientId: "brokerlab-smoke",
    brokers: settings.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    ...settings.kafkaSecurity,
  });
  const admin = kafka.admin();
  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  it("produces and consumes a record, and reports version 3.9", async () => {
    const topic = unique("kafka");
    await createTopicAndWait(admin, { topic, numPartitions: 1 });
    onTestFinished(() => admin.deleteTopics({ topics: [topic] }));
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: "k", value: "hello kafka" }] });
    await producer.disconnect();

    const groupId = unique("group");
    const consumer = kafka.consumer({ groupId });
    onTestFinished(async () => {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{ key?: string; value?: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) =>
          resolve({ key: message.key?.toString(), value: message.value?.toString() }),
      });
    });
    expect(received).toEqual({ key: "k", value: "hello kafka" });

    const cluster = await admin.describeCluster();
    expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
    // Kafka's protocol carries no release number: read it from the running broker's jars.
    const version = KAFKA.versionOf(settings, await KAFKA.ownership(settings), {});
    // Only a broker on this machine shows us its jars; a remote one's version stays unknown.
    const local = isLocalHost(parseHostPort(settings.kafkaBrokers[0] ?? "", "kafka").host);
    expect(local ? version : "3.9.x").toMatch(/^3\.9\.\w+$/);
  });
});

describe("rabbitmq (amqplib)", () => {
  it("publishes with a confirm, consumes with an ack, and reports its version", async () => {
    const connection = await amqplib.connect(settings.rabbitmqUrl);
    onTestFinished(() => connection.close());
    const channel = await connection.createConfirmChannel();
    const queue = unique("rabbitmq");
    await channel.assertQueue(queue, { durable: false });
    onTestFinished(async () => {
      await channel.deleteQueue(queue);
    });
    channel.sendToQueue(queue, Buffer.from("hello rabbitmq"), { headers: { case: "smoke" } });
    await channel.waitForConfirms();
    const message = await new Promise<amqplib.ConsumeMessage>((resolve) => {
      void channel.consume(queue, (delivered) => {
        if (delivered) resolve(delivered);
      });
    });
    channel.ack(message);
    expect(message.content.toString()).toBe("hello rabbitmq");
    expect(message.properties.headers?.case).toBe("smoke");
    expect(connection.connection.serverProperties.product).toBe("RabbitMQ");
    expect(connection.connection.serverProperties.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("redis (ioredis)", () => {
  it("pushes and pops a list item, and reports its version", async () => {
    const redis = new Redis(settings.redisUrl);
    onTestFinished(async () => {
      await redis.quit();
    });
    const key = unique("redis");
    onTestFinished(async () => {
      await redis.del(key);
    });
    await redis.lpush(key, "hello redis");
    expect(await redis.brpop(key, 5)).toEqual([key, "hello redis"]);
    const info = await redis.info("server");
    expect(info).toMatch(/^redis_version:\d+\.\d+\.\d+/m);
  });
});

describe("redis (bullmq)", () => {
  it("adds a job that a worker completes, and reads the Redis version BullMQ detected", async () => {
    const name = unique("bullmq");
    const connection = { url: settings.redisUrl };
    const queue = new Queue(name, { connection });
    onTestFinished(async () => {
      await queue.obliterate({ force: true });
      await queue.close();
    });
    const done = new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(name, async (job) => `processed ${job.data.greeting}`, { connection });
      worker.on("completed", (_job, result) => resolve(result));
      worker.on("failed", (_job, error) => reject(error));
      onTestFinished(() => worker.close());
    });
    await queue.add("greet", { greeting: "hello bullmq" });
    expect(await done).toBe("processed hello bullmq");
    await queue.waitUntilReady();
    expect(queue.getBackend().redisVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
