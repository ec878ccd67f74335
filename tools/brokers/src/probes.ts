import { randomUUID } from "node:crypto";
import amqplib from "amqplib";
import { Redis } from "ioredis";
import { type Admin, type ITopicConfig, Kafka, logLevel, type SASLOptions } from "kafkajs";
import { brokersText } from "./i18n/index.js";

/** What a successful round trip learned about the broker. */
export interface ProbeResult {
  readonly version?: string;
  /** Kafka: brokers in the cluster. */
  readonly brokers?: number;
}

export const HEALTH_TOPIC = "brokerlab-health";

/** TLS and SASL for a Kafka that needs them (BROKERLAB_KAFKA_SSL, BROKERLAB_KAFKA_SASL_*). */
export interface KafkaSecurity {
  readonly ssl?: boolean;
  readonly sasl?: SASLOptions;
}

/** Races `promise` against a timer; the timer is cleared either way. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(brokersText().failures.timedOut(what, ms))), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A real Kafka round trip with kafkajs: create the health topic if missing, produce one record, consume
 * it back through a throwaway consumer group. Returns the number of brokers in the cluster.
 */
export async function kafkaRoundTrip(
  brokers: readonly string[],
  timeoutMs = 20_000,
  security: KafkaSecurity = {},
): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: "brokerlab-health",
    brokers: [...brokers],
    ...(security.ssl ? { ssl: true } : {}),
    ...(security.sasl ? { sasl: security.sasl } : {}),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const groupId = `brokerlab-health-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  const work = async (): Promise<ProbeResult> => {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (!(await admin.listTopics()).includes(HEALTH_TOPIC)) {
      await createTopicAndWait(admin, {
        topic: HEALTH_TOPIC,
        numPartitions: 1,
        replicationFactor: 1,
        configEntries: [{ name: "retention.ms", value: "3600000" }],
      });
    }
    await producer.connect();
    const value = randomUUID();
    const [sent] = await producer.send({ topic: HEALTH_TOPIC, acks: -1, messages: [{ value }] });
    const offset = sent?.baseOffset ?? "0";
    await consumer.connect();
    await consumer.subscribe({ topic: HEALTH_TOPIC, fromBeginning: false });
    const received = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.value?.toString() === value) resolve();
        },
      });
    });
    consumer.seek({ topic: HEALTH_TOPIC, partition: 0, offset });
    await received;
    return { brokers: cluster.brokers.length };
  };
  try {
    return await withDeadline(work(), timeoutMs, brokersText().failures.roundTrip("Kafka"));
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Creates a topic (if missing) and waits until every partition has a leader that the metadata reports.
 * kafkajs' own `waitForLeaders` gives up with UNKNOWN_TOPIC_OR_PARTITION when a KRaft broker has not yet
 * seen the new topic, which happens on a busy machine.
 */
export async function createTopicAndWait(
  admin: Admin,
  topic: ITopicConfig,
  timeoutMs = 30_000,
): Promise<void> {
  await admin.createTopics({ topics: [topic], waitForLeaders: false });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic.topic] })).topics;
      const partitions = metadata?.partitions ?? [];
      if (
        partitions.length >= (topic.numPartitions ?? 1) &&
        partitions.every((partition) => partition.leader >= 0)
      ) {
        return;
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(brokersText().failures.noLeaderAfter(topic.topic, timeoutMs / 1000));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A real RabbitMQ round trip with amqplib: temporary queue, confirmed publish, get, ack. */
export async function rabbitMqRoundTrip(url: string, timeoutMs = 10_000): Promise<ProbeResult> {
  let connection: amqplib.ChannelModel | undefined;
  const work = async (): Promise<ProbeResult> => {
    connection = await amqplib.connect(url, { timeout: 3000 });
    connection.on("error", () => {});
    const channel = await connection.createConfirmChannel();
    const { queue } = await channel.assertQueue("", { exclusive: true, autoDelete: true });
    const body = randomUUID();
    channel.sendToQueue(queue, Buffer.from(body));
    await channel.waitForConfirms();
    for (;;) {
      const message = await channel.get(queue, { noAck: false });
      if (message) {
        channel.ack(message);
        if (message.content.toString() !== body) throw new Error(brokersText().failures.differentMessage);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { version: connection.connection.serverProperties.version };
  };
  try {
    return await withDeadline(work(), timeoutMs, brokersText().failures.roundTrip("RabbitMQ"));
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** A real Redis round trip with ioredis: LPUSH then RPOP on a unique key, and INFO's redis_version. */
export async function redisRoundTrip(url: string, timeoutMs = 5000): Promise<ProbeResult> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // ioredis reports the socket error as an event and rejects connect() with a vaguer one.
  let socketError: Error | undefined;
  redis.on("error", (error: Error) => {
    socketError ??= error;
  });
  const work = async (): Promise<ProbeResult> => {
    await redis.connect().catch((error: unknown) => {
      throw socketError ?? error;
    });
    const key = `brokerlab:health:${randomUUID()}`;
    const value = randomUUID();
    await redis.lpush(key, value);
    const popped = await redis.rpop(key);
    await redis.del(key);
    if (popped !== value) throw new Error(brokersText().failures.differentValue);
    return { version: redisVersionFromInfo(await redis.info("server")) };
  };
  try {
    return await withDeadline(work(), timeoutMs, brokersText().failures.roundTrip("Redis"));
  } finally {
    redis.disconnect();
  }
}

export function redisVersionFromInfo(info: string): string | undefined {
  return /^redis_version:(\S+)/m.exec(info)?.[1];
}

/** The one-line reason of a failed probe. */
export function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reason(error.errors[0]);
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] || "unknown error";
}

/**
 * Repeats `attempt` until it succeeds or `timeoutMs` passes; `stillStarting` lets a caller stop early when
 * the process it started has died. Throws the last failure's reason.
 */
export async function waitForRoundTrip(
  attempt: () => Promise<ProbeResult>,
  timeoutMs: number,
  stillStarting: () => boolean | Promise<boolean> = () => true,
): Promise<ProbeResult> {
  const deadline = Date.now() + timeoutMs;
  let last = brokersText().failures.noAnswer;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      last = reason(error);
    }
    if (Date.now() > deadline)
      throw new Error(brokersText().failures.noRoundTripWithin(Math.round(timeoutMs / 1000), last));
    if (!(await stillStarting())) throw new Error(brokersText().failures.exited(last));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
