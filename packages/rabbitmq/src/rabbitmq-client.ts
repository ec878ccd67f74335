import { randomBytes } from "node:crypto";
import type { ConnectionOptions } from "node:tls";
import {
  type Capabilities,
  ClosedError,
  ConnectionError,
  checkRecords,
  checkTopicName,
  DEFAULT_PREFETCH,
  type Delivery,
  type DeliveryHandler,
  type Deployment,
  type DurabilityLevel,
  type GroupLag,
  type HandlerErrorReporter,
  InvalidArgumentError,
  type MessageRecord,
  type MessagingClient,
  type PublishOptions,
  type PublishReceipt,
  replicatedNeedsCluster,
  reportHandlerError,
  requireDurability,
  requireStartPosition,
  StartAt,
  type SubscribeOptions,
  type Subscription,
  singlePartitionLag,
  singlePartitionState,
  type TopicOptions,
  type TopicState,
  UnsupportedCapabilityError,
  withTimeout,
} from "@brokerlab/messaging";
import { type Channel, type ChannelModel, connect, type RecoveringChannelModel } from "amqplib";
import { topicFailure } from "./amqp-errors.js";
import { DEFAULT_RECONNECT, type ReconnectOptions, reconnectDelay } from "./backoff.js";
import { brokerAddress, connectionFailure } from "./broker-address.js";
import { type RabbitMqTarget, rabbitMqCapabilitiesIn } from "./capabilities.js";
import { ChannelPublisher } from "./channel-publisher.js";
import { NodeRotation } from "./node-rotation.js";
import { QUEUE_TYPE, type QueueArguments, queueArguments } from "./queue-arguments.js";
import { RabbitMqSubscription, type SubscriptionHost } from "./rabbitmq-subscription.js";
import { readStreamBounds } from "./stream-bounds.js";

export interface RabbitMqClientOptions {
  /** amqp:// or amqps:// URL with credentials and vhost, e.g. amqp://guest:guest@127.0.0.1:5672. */
  readonly url: string;
  /**
   * Every node of a cluster (`url` among them or not): the first connect tries each in turn, and after a
   * lost connection each reconnect attempt goes to the next one, so the client follows a surviving node.
   */
  readonly urls?: readonly string[];
  /** Which deployment the nodes are: decides the durability levels the client declares. Default single. */
  readonly deployment?: Deployment;
  /** TLS settings for amqps:// (ca, cert, key, servername, rejectUnauthorized, ...). */
  readonly tls?: ConnectionOptions;
  /** How long connect() may take, and how long an operation waits for a reconnect. Default 5000 ms. */
  readonly connectionTimeoutMs?: number;
  /** Backoff between reconnect attempts after the connection is lost. */
  readonly reconnect?: Partial<ReconnectOptions>;
  /** Shown in the RabbitMQ management UI and `rabbitmqctl list_connections name`. Default brokerlab-<target>-<random>. */
  readonly connectionName?: string;
  /** Called when a handler throws. Default: one line on stderr. */
  readonly onHandlerError?: HandlerErrorReporter;
}

interface Live {
  readonly model: ChannelModel;
  readonly publisher: ChannelPublisher;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * One target's client over one AMQP connection. amqplib 2.x re-opens a lost connection (with the backoff
 * given here); this client re-creates what lives on it: the queues it declared, its publish channels and
 * every open subscription. Publishes in flight when the connection drops reject with ConnectionError (no
 * retry: an unconfirmed record may be stored already); operations started while it is down wait for it.
 */
export class RabbitMqClient implements MessagingClient {
  readonly capabilities: Capabilities;
  readonly address: string;
  readonly connectionName: string;
  private readonly timeoutMs: number;
  private readonly reconnect: ReconnectOptions;
  private recovering?: RecoveringChannelModel;
  private connecting?: Promise<void>;
  private live?: Live;
  private liveWaiters: { resolve: (live: Live) => void; reject: (error: Error) => void }[] = [];
  private closing?: Promise<void>;
  private serverVersion?: string;
  /** Queues this client declared, re-declared after a reconnect. */
  private readonly topology = new Map<string, QueueArguments>();
  private readonly subscriptions = new Set<RabbitMqSubscription>();
  /** Highest stream offset each group acknowledged through this client: `topic\0group` → offset. */
  private readonly streamAcks = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly nodes: NodeRotation;
  /** What subscriptions call back into; kept off the client's public surface. */
  private readonly host: SubscriptionHost;

  constructor(
    readonly target: RabbitMqTarget,
    private readonly options: RabbitMqClientOptions,
  ) {
    this.capabilities = rabbitMqCapabilitiesIn(target, options.deployment);
    brokerAddress(options.url);
    this.nodes = new NodeRotation(options.urls?.length ? options.urls : [options.url]);
    this.address = this.nodes.addresses;
    this.timeoutMs = options.connectionTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.connectionName = options.connectionName ?? `brokerlab-${target}-${randomBytes(4).toString("hex")}`;
    this.host = {
      target,
      address: this.address,
      streamAcked: (topic, group, offset) => this.streamAcked(topic, group, offset),
      removed: (subscription) => this.subscriptions.delete(subscription),
      handlerFailed: (error, delivery) => this.handlerFailed(error, delivery),
    };
  }

  private get stream(): boolean {
    return this.target === "rabbitmq-stream";
  }

  connect(): Promise<void> {
    if (this.closing) return Promise.reject(this.closedError());
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  /** The first connection: each node in turn until one answers. */
  private async open(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.openNode();
        return;
      } catch (error) {
        if (attempt >= this.nodes.size) throw error;
        this.nodes.advance();
      }
    }
  }

  private async openNode(): Promise<void> {
    const recovering = await connect(this.nodes.current, {
      ...this.options.tls,
      timeout: this.timeoutMs,
      // Without it Nagle holds a small frame until the previous one is acknowledged: a "none" publish and the
      // basic.qos that follows it waited ~40 ms each time (22 publishes/s against 496/s with confirms).
      noDelay: true,
      clientProperties: { connection_name: this.connectionName },
      recovery: {
        waitForConnect: false,
        // The first connection fails fast; once connected, reconnecting never gives up.
        initialMaxRetries: 0,
        calculateDelay: (attempt: number) => {
          // The next attempt goes to the next node: the one that was lost may be down for good.
          this.nodes.advance();
          return reconnectDelay(attempt, this.reconnect);
        },
        setup: (model: ChannelModel) => this.connected(model),
      },
    });
    // Connection errors are followed by a disconnect, handled there.
    recovering.on("error", () => {});
    recovering.on("disconnect", () => this.disconnected());
    this.recovering = recovering;
    try {
      await withTimeout(recovering.waitForConnect(), this.timeoutMs, `connecting to ${this.nodes.address}`);
    } catch (error) {
      this.recovering = undefined;
      await recovering.close().catch(() => {});
      throw connectionFailure(this.address, error, this.timeoutMs);
    }
  }

  /** Runs on every (re)connection, before it counts as up: topology, then subscriptions. */
  private async connected(model: ChannelModel): Promise<void> {
    // amqplib listens for the model's errors only once this setup has finished: a node that closes the
    // connection meanwhile (541 INTERNAL_ERROR while a cluster fails over) would otherwise throw from the
    // emitter and end the process. Its close fails this setup, and recovery tries the next node.
    model.on("error", () => {});
    if (this.closing) return;
    this.serverVersion = model.connection.serverProperties.version;
    if (this.topology.size > 0) {
      const channel = await model.createChannel();
      channel.on("error", () => {});
      for (const [queue, args] of this.topology)
        await channel.assertQueue(queue, { durable: true, arguments: args });
      await channel.close();
    }
    for (const subscription of this.subscriptions) await subscription.start(model);
    const live = { model, publisher: new ChannelPublisher(model, this.address) };
    this.live = live;
    for (const waiter of this.liveWaiters.splice(0)) waiter.resolve(live);
  }

  private disconnected(): void {
    this.live = undefined;
    for (const subscription of this.subscriptions) subscription.connectionLost();
  }

  /** The live connection; connects first if never connected, waits for a reconnect if it is down. */
  private async connection(): Promise<Live> {
    if (this.closing) throw this.closedError();
    if (!this.recovering) await this.connect();
    if (this.live) return this.live;
    const waiting = new Promise<Live>((resolve, reject) => this.liveWaiters.push({ resolve, reject }));
    try {
      return await withTimeout(waiting, this.timeoutMs, "reconnecting");
    } catch (error) {
      if (error instanceof ConnectionError) throw error;
      throw new ConnectionError(
        this.address,
        `the connection is lost and reconnecting did not succeed within ${this.timeoutMs} ms; is RabbitMQ running? try \`pnpm brokers up\``,
      );
    }
  }

  private closedError(): ClosedError {
    return new ClosedError(this.target, this.address);
  }

  /** Runs `work` on a short-lived channel, so a channel error (missing queue, ...) touches nothing else. */
  private async withChannel<T>(
    topic: string,
    work: (channel: Channel, live: Live) => Promise<T>,
  ): Promise<T> {
    const live = await this.connection();
    const channel = await live.model.createChannel();
    channel.on("error", () => {});
    try {
      return await work(channel, live);
    } catch (error) {
      throw topicFailure(topic, this.address, error);
    } finally {
      await channel.close().catch(() => {});
    }
  }

  private track<T>(task: Promise<T>): Promise<T> {
    this.inFlight.add(task);
    const forget = () => this.inFlight.delete(task);
    task.then(forget, forget);
    return task;
  }

  async brokerVersion(): Promise<string> {
    if (this.serverVersion === undefined) await this.connection();
    return this.serverVersion ?? "unknown";
  }

  async settingsInEffect(durability: DurabilityLevel): Promise<Record<string, string | number>> {
    return {
      "x-queue-type": QUEUE_TYPE[this.target],
      durableQueue: "yes",
      persistentMessages: "yes",
      publisherConfirms: durability === "none" ? "no" : "yes",
    };
  }

  publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    return this.track(this.publishNow(topic, records, options?.durability));
  }

  private async publishNow(
    topic: string,
    records: readonly MessageRecord[],
    requested: DurabilityLevel | undefined,
  ): Promise<PublishReceipt[]> {
    if (this.closing) throw this.closedError();
    checkRecords(topic, records);
    validateTopicName(topic);
    const level = this.durability(requested);
    if (records.length === 0) return [];
    const live = await this.connection();
    return live.publisher.publish(topic, records, level !== "none");
  }

  /** Left out, durability is "leader" where the target has it, else its confirm level ("replicated", on the cluster). */
  private durability(requested: DurabilityLevel | undefined): DurabilityLevel {
    const level = requested ?? (this.capabilities.durability.includes("leader") ? "leader" : "replicated");
    requireDurability(
      this,
      level,
      level !== "replicated"
        ? 'on the cluster its confirms mean a Raft majority of three stored the record, there is no leader-only confirm; use "replicated"'
        : this.target === "rabbitmq-queue"
          ? "a classic queue lives on one node; use rabbitmq-quorum or rabbitmq-stream on the cluster for replicated confirms"
          : replicatedNeedsCluster(
              "a single node's quorum queue or stream has one member: its confirm is one copy",
            ),
    );
    return level;
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    if (this.closing) throw this.closedError();
    validateTopicName(topic);
    // A stream reader with no start position reads the whole stream, like a new group with nothing committed.
    const from = options.from ?? (this.stream ? StartAt.earliest : StartAt.committed);
    requireStartPosition(
      this,
      from,
      this.stream
        ? "offset tracking is a stream-protocol feature that AMQP 0.9.1 consumers do not have"
        : "a queue hands out from its head only; acknowledged records are gone",
    );
    const prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    if (!Number.isInteger(prefetch) || prefetch < 1 || prefetch > 65_535) {
      throw new InvalidArgumentError(`prefetch must be a whole number from 1 to 65535 (got ${prefetch})`);
    }
    const live = await this.connection();
    const subscription = new RabbitMqSubscription(this.host, {
      topic,
      group: options.group,
      from,
      prefetch,
      handler,
    });
    // Registered first, so a reconnect during start re-creates it too.
    this.subscriptions.add(subscription);
    try {
      await subscription.start(live.model);
    } catch (error) {
      this.subscriptions.delete(subscription);
      throw error;
    }
    return subscription;
  }

  private streamAcked(topic: string, group: string, offset: number): void {
    const key = `${topic}\0${group}`;
    this.streamAcks.set(key, Math.max(offset, this.streamAcks.get(key) ?? -1));
  }

  private handlerFailed(error: unknown, delivery: Delivery): void {
    if (this.options.onHandlerError) this.options.onHandlerError(error, delivery);
    else reportHandlerError(this.target, error, delivery);
  }

  async createTopic(topic: string, options?: TopicOptions): Promise<void> {
    if (this.closing) throw this.closedError();
    validateTopicName(topic);
    const args = queueArguments(this.target, options);
    await this.withChannel(topic, (channel) =>
      channel.assertQueue(topic, { durable: true, arguments: args }),
    );
    this.topology.set(topic, args);
  }

  async deleteTopic(topic: string): Promise<void> {
    validateTopicName(topic);
    await this.withChannel(topic, (channel) => channel.deleteQueue(topic));
    this.topology.delete(topic);
  }

  async addPartitions(): Promise<void> {
    throw new UnsupportedCapabilityError(this.target, "partitions", "a RabbitMQ queue is one ordered queue");
  }

  async inspect(topic: string): Promise<TopicState> {
    validateTopicName(topic);
    if (this.stream) {
      const bounds = await this.withChannel(topic, (_, live) => readStreamBounds(live.model, topic));
      if (!bounds) return singlePartitionState(topic, 0);
      const stored = bounds.last - bounds.first + 1;
      return singlePartitionState(topic, stored, { first: String(bounds.first), last: String(bounds.last) });
    }
    return singlePartitionState(topic, await this.queued(topic));
  }

  /**
   * Queues: what is waiting for the queue's one group, ready + unacknowledged. Streams: last offset minus
   * the last offset this client saw the group acknowledge; a group it never saw ack lags by the whole stream.
   */
  async lag(topic: string, group: string): Promise<GroupLag> {
    validateTopicName(topic);
    let total: number;
    if (this.stream) {
      const bounds = await this.withChannel(topic, (_, live) => readStreamBounds(live.model, topic));
      const acked = this.streamAcks.get(`${topic}\0${group}`);
      total = bounds ? bounds.last - Math.max(acked ?? -1, bounds.first - 1) : 0;
      total = Math.max(0, total);
    } else {
      total = await this.queued(topic);
    }
    return singlePartitionLag(topic, group, total);
  }

  /**
   * Ready records (queue.declare-ok message count) plus those this client holds unacknowledged.
   * Without the management API, records other connections hold unacknowledged are not visible.
   */
  private async queued(topic: string): Promise<number> {
    const { messageCount } = await this.withChannel(topic, (channel) => channel.checkQueue(topic));
    let unacked = 0;
    for (const subscription of this.subscriptions) {
      if (subscription.topic === topic) unacked += subscription.unacked;
    }
    return messageCount + unacked;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    // Operations waiting for a reconnect cannot finish now; confirmed publishes in flight can.
    for (const waiter of this.liveWaiters.splice(0)) waiter.reject(this.closedError());
    await Promise.allSettled([...this.inFlight]);
    this.live = undefined;
    await this.recovering?.close().catch(() => {});
  }
}

function validateTopicName(topic: string): void {
  checkTopicName(topic);
  if (Buffer.byteLength(topic) > 255 || topic.startsWith("amq.")) {
    throw new InvalidArgumentError(
      `"${topic}" is not a usable RabbitMQ queue name (1 to 255 bytes, not starting with "amq.")`,
    );
  }
}
