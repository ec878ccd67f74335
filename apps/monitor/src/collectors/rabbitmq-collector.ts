import { brokerAddress, targetForQueueType } from "@brokerlab/rabbitmq";
import amqp from "amqplib";
import type { Collector, Poll, QueueReading, UnsupportedReading } from "../model.js";

export interface RabbitMqCollectorOptions {
  /** `amqp://user:password@host:5672[/vhost]`. */
  readonly url: string;
  /** Management API base, default `http://<amqp host>:15672`; credentials come from the AMQP url. */
  readonly managementUrl?: string;
  /** Queues to watch over AMQP when the management API does not answer (AMQP cannot list queues). */
  readonly queues?: readonly string[];
}

interface ManagementQueue {
  name: string;
  vhost: string;
  type?: string;
  messages_ready?: number;
  messages_unacknowledged?: number;
  consumers?: number;
  head_message_timestamp?: number | null;
}

const STREAM_REASON =
  "a RabbitMQ stream read over AMQP 0.9.1 keeps no consumer position on the broker (each consumer passes x-stream-offset itself)";

/** AMQP timestamps are seconds by the spec; the adapter writes ms (see @brokerlab/rabbitmq timestampFromAmqp). */
function timestampMs(value: number): number {
  return value > 1e11 ? value : value * 1000;
}

/**
 * RabbitMQ queues from the management HTTP API (ready, unacknowledged, consumers, head message time). Without
 * the management plugin, the configured queues by AMQP passive declare: ready count and consumers only.
 */
export class RabbitMqCollector implements Collector {
  readonly broker = "rabbitmq";
  readonly addresses: readonly string[];
  private readonly management: URL;
  private readonly authorization: string;
  private readonly vhost: string;
  private connection: amqp.ChannelModel | undefined;

  constructor(
    readonly cluster: string,
    private readonly options: RabbitMqCollectorOptions,
  ) {
    const amqpUrl = new URL(options.url);
    this.addresses = [brokerAddress(options.url)];
    this.management = new URL(options.managementUrl ?? `http://${amqpUrl.hostname}:15672`);
    const user = decodeURIComponent(amqpUrl.username || "guest");
    const password = decodeURIComponent(amqpUrl.password || "guest");
    this.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    this.vhost = decodeURIComponent(amqpUrl.pathname.replace(/^\//, "")) || "/";
  }

  async start(): Promise<void> {}

  async caughtUp(): Promise<boolean> {
    return true;
  }

  async poll(): Promise<Poll> {
    const managed = await this.fromManagement();
    if (managed) return managed;
    return this.fromAmqp();
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close().catch(() => {});
  }

  /** undefined when nothing answers on the management port (the plugin is off); other failures throw. */
  private async fromManagement(): Promise<Poll | undefined> {
    let response: Response;
    try {
      const url = new URL(`api/queues/${encodeURIComponent(this.vhost)}`, this.management);
      url.searchParams.set(
        "columns",
        "name,vhost,type,messages_ready,messages_unacknowledged,consumers,head_message_timestamp",
      );
      response = await fetch(url, {
        headers: { authorization: this.authorization },
        signal: AbortSignal.timeout(3_000),
      });
    } catch {
      return undefined;
    }
    if (response.status === 404) return undefined;
    if (!response.ok)
      throw new Error(`management API at ${this.management.host} answered HTTP ${response.status}`);
    const queues: QueueReading[] = [];
    const unsupported: UnsupportedReading[] = [];
    for (const queue of (await response.json()) as ManagementQueue[]) {
      const kind = targetForQueueType(queue.type ?? "classic") ?? `rabbitmq (${queue.type})`;
      if (kind === "rabbitmq-stream") {
        unsupported.push({ name: queue.name, kind, reason: STREAM_REASON });
        continue;
      }
      const head = queue.head_message_timestamp;
      queues.push({
        queue: queue.name,
        kind,
        ready: queue.messages_ready ?? 0,
        unacked: queue.messages_unacknowledged ?? 0,
        consumers: queue.consumers ?? 0,
        ...(typeof head === "number"
          ? { lagSeconds: Math.max(0, Date.now() - timestampMs(head)) / 1000 }
          : {}),
      });
    }
    return {
      topics: [],
      positions: [],
      queues,
      unsupported,
      source: `management HTTP API (${this.management.host})`,
    };
  }

  /** Passive declare per queue, on a channel of its own: a missing queue closes the channel it was asked on. */
  private async fromAmqp(): Promise<Poll> {
    const connection = await this.connected();
    const queues: QueueReading[] = [];
    const unsupported: UnsupportedReading[] = [];
    for (const name of this.options.queues ?? []) {
      const channel = await connection.createChannel();
      channel.on("error", () => {});
      try {
        const { messageCount, consumerCount } = await channel.checkQueue(name);
        queues.push({
          queue: name,
          kind: "rabbitmq",
          ready: messageCount,
          unacked: null,
          consumers: consumerCount,
        });
      } catch {
        unsupported.push({ name, kind: "rabbitmq", reason: "no such queue (passive declare failed)" });
      } finally {
        await channel.close().catch(() => {});
      }
    }
    return {
      topics: [],
      positions: [],
      queues,
      unsupported,
      source:
        "AMQP passive declare: no management API, so ready count and consumers only (no unacknowledged count), for the queues configured",
    };
  }

  private async connected(): Promise<amqp.ChannelModel> {
    if (!this.connection) {
      const connection = await amqp.connect(this.options.url, { timeout: 3_000 });
      connection.on("error", () => {});
      connection.on("close", () => {
        if (this.connection === connection) this.connection = undefined;
      });
      this.connection = connection;
    }
    return this.connection;
  }
}
