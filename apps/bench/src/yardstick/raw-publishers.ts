import type { DurabilityLevel, MessageRecord, Publisher, TargetId } from "@brokerlab/messaging";
import type { ConnectionSettings } from "@brokerlab/targets";
import amqplib from "amqplib";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import kafkajs from "kafkajs";

/** A bare client behind the contract's `publish`, so the yardstick's loop is the same for adapter and raw. */
export interface RawPublisher extends Publisher {
  /**
   * Only where the broker holds what was published in memory (Redis, RabbitMQ queues): drops it, so the
   * yardstick can empty both paths between rounds. Logs (Kafka, RabbitMQ streams) keep growing, as in a long run.
   * Resolves once the broker is done freeing, also what the adapter deleted just before (Redis frees UNLINKed
   * values in a background thread, which would otherwise take CPU from the next round's first slices).
   */
  empty?(): Promise<void>;
  /** Removes what setup created and disconnects. */
  close(): Promise<void>;
}

export interface RawPublisherOptions {
  readonly target: TargetId;
  readonly settings: ConnectionSettings;
  /** Topic, queue or key name, unique to the run. */
  readonly name: string;
  readonly partitions: number;
}

const KAFKA_ACKS: Record<DurabilityLevel, number> = { none: 0, leader: 1, replicated: -1 };
const QUEUE_TYPE = {
  "rabbitmq-queue": "classic",
  "rabbitmq-quorum": "quorum",
  "rabbitmq-stream": "stream",
} as const;

function buffer(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * The least each client needs to publish reliably, with the same message content as the adapter (value, key,
 * headers) and the same acknowledgement: kafkajs `send` with the mapped acks; amqplib `sendToQueue` on a confirm
 * channel awaiting each confirm; one ioredis LPUSH / pipelined XADDs; BullMQ `addBulk`.
 */
export async function createRawPublisher(options: RawPublisherOptions): Promise<RawPublisher> {
  const { target, settings, name } = options;
  switch (target) {
    case "kafka": {
      const kafka = new kafkajs.Kafka({
        clientId: "brokerlab-yardstick",
        brokers: settings.kafkaBrokers,
        ssl: settings.kafkaSsl,
        // The three mechanisms share one shape; kafkajs types them as a union per mechanism.
        ...(settings.kafkaSasl ? { sasl: settings.kafkaSasl as kafkajs.SASLOptions } : {}),
        logLevel: kafkajs.logLevel.NOTHING,
      });
      const admin = kafka.admin();
      const producer = kafka.producer({ allowAutoTopicCreation: false });
      await admin.connect();
      await admin.createTopics({
        topics: [{ topic: name, numPartitions: options.partitions }],
        waitForLeaders: true,
      });
      await producer.connect();
      return {
        async publish(topic: string, records: readonly MessageRecord[], publishOptions) {
          await producer.send({
            topic,
            acks: KAFKA_ACKS[publishOptions?.durability ?? "leader"],
            messages: records.map((record) => ({
              key: record.key ?? null,
              value: buffer(record.value),
              headers: record.headers,
              timestamp: record.timestamp === undefined ? undefined : String(record.timestamp),
            })),
          });
          return records.map(() => ({}));
        },
        async close() {
          await producer.disconnect();
          await admin.deleteTopics({ topics: [name] }).catch(() => {});
          await admin.disconnect();
        },
      };
    }
    case "rabbitmq-queue":
    case "rabbitmq-quorum":
    case "rabbitmq-stream": {
      const connection = await amqplib.connect(settings.rabbitmqUrl);
      const confirm = await connection.createConfirmChannel();
      const plain = await connection.createChannel();
      await confirm.assertQueue(name, { durable: true, arguments: { "x-queue-type": QUEUE_TYPE[target] } });
      const drained = (channel: amqplib.Channel) =>
        new Promise<void>((resolve) => channel.once("drain", resolve));
      const publisher: RawPublisher = {
        async publish(topic: string, records: readonly MessageRecord[], publishOptions) {
          const properties = (record: MessageRecord) => ({
            persistent: true,
            timestamp: record.timestamp ?? Date.now(),
            headers: { ...record.headers, ...(record.key ? { "x-key": record.key } : {}) },
          });
          if (publishOptions?.durability === "none") {
            for (const record of records) {
              if (!plain.sendToQueue(topic, buffer(record.value), properties(record))) await drained(plain);
            }
            return records.map(() => ({}));
          }
          const confirms: Promise<void>[] = [];
          for (const record of records) {
            let writable = true;
            confirms.push(
              new Promise<void>((resolve, reject) => {
                writable = confirm.sendToQueue(
                  topic,
                  buffer(record.value),
                  properties(record),
                  (error: unknown) => (error ? reject(error) : resolve()),
                );
              }),
            );
            if (!writable) await drained(confirm);
          }
          await Promise.all(confirms);
          return records.map(() => ({}));
        },
        async close() {
          await plain.deleteQueue(name).catch(() => {});
          await connection.close();
        },
      };
      if (target === "rabbitmq-stream") return publisher;
      return {
        ...publisher,
        async empty() {
          await plain.purgeQueue(name);
        },
      };
    }
    case "redis-list":
    case "redis-stream": {
      const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      const list = target === "redis-list";
      return {
        async publish(topic: string, records: readonly MessageRecord[]) {
          if (list) {
            // Like the stream and BullMQ loops, each item carries the headers (as JSON): what a service
            // that needs them writes at least, so the comparison is of clients, not of content.
            await redis.lpush(
              topic,
              ...records.map((record) =>
                Buffer.concat([
                  Buffer.from(`${JSON.stringify(record.headers ?? {})}\n`),
                  buffer(record.value),
                ]),
              ),
            );
          } else {
            const pipeline = redis.pipeline();
            for (const record of records) {
              pipeline.xadd(topic, "*", "h", JSON.stringify(record.headers ?? {}), "v", buffer(record.value));
            }
            const replies = (await pipeline.exec()) ?? [];
            const failed = replies.find(([error]) => error);
            if (failed?.[0]) throw failed[0];
          }
          return records.map(() => ({}));
        },
        async empty() {
          await redis.del(name);
          await lazyFreeDone(redis);
        },
        async close() {
          await redis.del(name);
          redis.disconnect();
        },
      };
    }
    case "bullmq": {
      const connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
      await connection.connect();
      const queue = new Queue(name, { connection });
      return {
        async publish(_topic: string, records: readonly MessageRecord[]) {
          await queue.addBulk(
            records.map((record) => ({
              name: "bench",
              data: { h: record.headers ?? {}, v: Buffer.from(record.value).toString("base64") },
            })),
          );
          return records.map(() => ({}));
        },
        async empty() {
          await queue.obliterate({ force: true });
          await lazyFreeDone(connection);
        },
        async close() {
          await queue.obliterate({ force: true }).catch(() => {});
          await queue.close();
          connection.disconnect();
        },
      };
    }
  }
}

/** Waits (at most 10 s) until Redis has no values left to free in the background. */
async function lazyFreeDone(redis: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const info = await redis.info("memory");
    if (/^lazyfree_pending_objects:0\r?$/m.test(info)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
