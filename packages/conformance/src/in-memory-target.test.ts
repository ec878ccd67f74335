import {
  type Capabilities,
  ClosedError,
  checkRecords,
  type Delivery,
  type DeliveryHandler,
  type GroupLag,
  InvalidArgumentError,
  type MessageRecord,
  type MessagingClient,
  NotFoundError,
  type PublishOptions,
  type PublishReceipt,
  requireDurability,
  requireStartPosition,
  StartAt,
  type SubscribeOptions,
  type Subscription,
  singlePartitionLag,
  singlePartitionState,
  type TargetDefinition,
  type TopicOptions,
  type TopicState,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { checkTargetDefinitions } from "@brokerlab/targets";
import { describe, expect, it } from "vitest";
import { defineConformanceSuite } from "./suite.js";

// Adding a target, shown end to end without a broker: a small in-memory queue defined only here, as an adapter
// package would define it, checked like the listed targets, then run through the conformance cases its
// capabilities declare. It is a test fixture, not a target anyone can pick.

const QUEUE_CAPABILITIES: Capabilities = {
  retainsAfterAck: false,
  replayFromPosition: false,
  replayFromTimestamp: false,
  consumerGroups: false,
  competingConsumers: true,
  ordering: "queue",
  redeliversUnacked: true,
  partitions: false,
  retention: [],
  durability: ["leader"],
  deadLettering: false,
  startPositions: ["committed"],
};

interface Stored {
  readonly id: number;
  readonly record: MessageRecord;
  readonly timestamp: number;
  redelivered: boolean;
}

interface Consumer {
  readonly topic: string;
  readonly prefetch: number;
  readonly handler: DeliveryHandler;
  readonly held: Set<number>;
}

interface Queue {
  readonly ready: Stored[];
  readonly unacked: Map<number, Stored>;
  readonly consumers: Consumer[];
}

/** The "broker": queues shared by every client made from the same settings. */
class MemoryBroker {
  readonly queues = new Map<string, Queue>();
  private nextId = 0;

  queue(topic: string): Queue {
    const queue = this.queues.get(topic);
    if (!queue) throw new NotFoundError(topic, "in-memory");
    return queue;
  }

  append(topic: string, records: readonly MessageRecord[]): void {
    const queue = this.queue(topic);
    const now = Date.now();
    for (const record of records) {
      queue.ready.push({ id: this.nextId++, record, timestamp: record.timestamp ?? now, redelivered: false });
    }
    this.pump(queue);
  }

  /** Hands ready records to consumers with room, one each in turn, so competing consumers both get some. */
  pump(queue: Queue): void {
    let handed = true;
    while (handed && queue.ready.length > 0) {
      handed = false;
      for (const consumer of queue.consumers) {
        const stored = consumer.held.size < consumer.prefetch ? queue.ready.shift() : undefined;
        if (!stored) continue;
        handed = true;
        queue.unacked.set(stored.id, stored);
        consumer.held.add(stored.id);
        setImmediate(() => this.deliver(queue, consumer, stored));
      }
    }
  }

  /** Back to the head of the queue, marked redelivered (nack with requeue, or a consumer that went away). */
  requeue(queue: Queue, consumer: Consumer, ids: readonly number[]): void {
    const back: Stored[] = [];
    for (const id of ids) {
      const stored = queue.unacked.get(id);
      consumer.held.delete(id);
      queue.unacked.delete(id);
      if (stored) back.push({ ...stored, redelivered: true });
    }
    queue.ready.unshift(...back);
    this.pump(queue);
  }

  private deliver(queue: Queue, consumer: Consumer, stored: Stored): void {
    if (!consumer.held.has(stored.id)) return;
    const settle = (requeue: boolean): Promise<void> => {
      if (!consumer.held.has(stored.id)) return Promise.resolve();
      if (requeue) this.requeue(queue, consumer, [stored.id]);
      else {
        consumer.held.delete(stored.id);
        queue.unacked.delete(stored.id);
        this.pump(queue);
      }
      return Promise.resolve();
    };
    const delivery: Delivery = {
      topic: consumer.topic,
      key: stored.record.key ?? null,
      value: Buffer.from(stored.record.value),
      headers: { ...stored.record.headers },
      timestamp: stored.timestamp,
      position: { partition: 0, offset: String(stored.id) },
      redelivered: stored.redelivered,
      ack: () => settle(false),
      nack: (options) => settle(options?.requeue ?? true),
    };
    // A handler that throws leaves the record unsettled, as a broker's client would.
    Promise.resolve()
      .then(() => consumer.handler(delivery))
      .catch(() => {});
  }
}

class MemoryQueueClient implements MessagingClient {
  readonly target = "memory-queue";
  readonly capabilities = QUEUE_CAPABILITIES;
  readonly address = "in-memory";
  private readonly closers = new Set<() => void>();
  private closed = false;

  constructor(private readonly broker: MemoryBroker) {}

  async connect(): Promise<void> {}

  async brokerVersion(): Promise<string> {
    return "in-memory";
  }

  async publish(topic: string, records: readonly MessageRecord[], options?: PublishOptions) {
    this.refuseIfClosed();
    checkRecords(topic, records);
    requireDurability(
      this,
      options?.durability ?? "leader",
      "an in-memory queue holds a record once it has it",
    );
    this.broker.append(topic, records);
    return records.map((): PublishReceipt => ({}));
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    this.refuseIfClosed();
    requireStartPosition(this, options.from ?? StartAt.committed, "a queue hands out from its head only");
    const queue = this.broker.queue(topic);
    const consumer: Consumer = { topic, prefetch: options.prefetch ?? 100, handler, held: new Set() };
    queue.consumers.push(consumer);
    const close = () => {
      const index = queue.consumers.indexOf(consumer);
      if (index < 0) return;
      queue.consumers.splice(index, 1);
      this.broker.requeue(queue, consumer, [...consumer.held]);
      this.closers.delete(close);
    };
    this.closers.add(close);
    this.broker.pump(queue);
    return { close: async () => close() };
  }

  async createTopic(topic: string, options: TopicOptions = {}): Promise<void> {
    this.refuseIfClosed();
    if (topic === "") throw new InvalidArgumentError("an in-memory queue needs a name");
    if (options.partitions !== undefined && options.partitions !== 1) this.refuse("partitions");
    if (options.retention !== undefined) this.refuse("retention");
    if (!this.broker.queues.has(topic))
      this.broker.queues.set(topic, { ready: [], unacked: new Map(), consumers: [] });
  }

  async deleteTopic(topic: string): Promise<void> {
    this.broker.queues.delete(topic);
  }

  async addPartitions(): Promise<void> {
    this.refuse("partitions");
  }

  async inspect(topic: string): Promise<TopicState> {
    const queue = this.broker.queue(topic);
    return singlePartitionState(topic, queue.ready.length + queue.unacked.size);
  }

  async lag(topic: string, group: string): Promise<GroupLag> {
    const { stored } = await this.inspect(topic);
    return singlePartitionLag(topic, group, stored);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const close of [...this.closers]) close();
  }

  private refuseIfClosed(): void {
    if (this.closed) throw new ClosedError(this.target, this.address);
  }

  private refuse(capability: string): never {
    throw new UnsupportedCapabilityError(this.target, capability, "an in-memory queue is one ordered list");
  }
}

const memoryQueueTarget: TargetDefinition<{ readonly broker: MemoryBroker }> = {
  id: "memory-queue",
  broker: "memory",
  description: "an in-memory queue (test fixture): destructive read, ack removes",
  capabilities: QUEUE_CAPABILITIES,
  // One process holds the queue, on any deployment.
  capabilitiesIn: () => QUEUE_CAPABILITIES,
  settings: () => ({ broker: new MemoryBroker() }),
  createClient: ({ broker }) => new MemoryQueueClient(broker),
  bench: { rawPublisher: "none", rawConsumer: "none", nativeTool: "none" },
};

describe("a target defined only in this test", () => {
  it("passes the definition check the listed targets pass", () => {
    expect(checkTargetDefinitions([memoryQueueTarget])).toEqual([memoryQueueTarget]);
  });
});

const settings = memoryQueueTarget.settings({ env: {} });
defineConformanceSuite(
  memoryQueueTarget.id,
  () => memoryQueueTarget.createClient(settings),
  memoryQueueTarget.capabilities,
);
