import {
  type Capabilities,
  type Delivery,
  type MessagingClient,
  type ProducerPreferences,
  type StartPosition,
  type SubscribeOptions,
  type Subscription,
  type TargetId,
  type TopicOptions,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { fromTheStart, Inbox, uniqueName } from "@brokerlab/testing/harness";
import { createReplicatedTopic } from "./harness/replicated-topic.js";
import type { Messages } from "./i18n/index.js";
import type { MetricValue, SeriesPoints } from "./results.js";

export interface ScenarioSettings {
  /** Records per scenario step (`--messages`). */
  readonly messages: number;
  /** Longest the retention-policy part watches for the broker to drop data. */
  readonly policyWaitMs: number;
  /** About how long the slow consumer in `lag` needs for all records. */
  readonly lagMs: number;
}

export const DEFAULT_SETTINGS: ScenarioSettings = { messages: 200, policyWaitMs: 15_000, lagMs: 3_000 };

/** What the handler does with a delivery: acknowledge (default), nack with requeue, or leave it unsettled. */
export type Settle = "ack" | "requeue" | "keep";

export interface Consumer {
  readonly inbox: Inbox;
  readonly subscription: Subscription;
}

/**
 * One target in one scenario: the connected client, what it declares, and helpers that create
 * uniquely named topics and subscriptions and remove them afterwards. Scenarios write their numbers
 * into `metrics` as they go, so a step that fails still leaves what was measured before it.
 */
export class ScenarioContext {
  readonly metrics: Record<string, MetricValue> = {};
  readonly notes: string[] = [];
  readonly series: Record<string, SeriesPoints> = {};
  /** The last step reported, to say where a failure happened. */
  lastStep: string;
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(
    readonly client: MessagingClient,
    readonly settings: ScenarioSettings,
    readonly scenario: string,
    /** The run's language: progress, notes and the summary are written in it. */
    readonly m: Messages,
    private readonly onProgress: (text: string) => void,
    private readonly createClient: (producer?: ProducerPreferences) => MessagingClient = () => client,
  ) {
    this.lastStep = m.progress.starting;
  }

  get target(): TargetId {
    return this.client.target;
  }

  get capabilities(): Capabilities {
    return this.client.capabilities;
  }

  get messages(): number {
    return this.settings.messages;
  }

  progress(text: string): void {
    this.lastStep = text;
    this.onProgress(text);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  uniqueName(label: string): string {
    return uniqueName(`sc-${label}`);
  }

  /**
   * Another connected client for the same target (a second producer, a restarted service, or a producer
   * asked for another unkeyed partitioning), closed at the end.
   */
  async otherClient(producer?: ProducerPreferences): Promise<MessagingClient> {
    const other = this.createClient(producer);
    await other.connect();
    this.cleanups.push(() => other.close());
    return other;
  }

  /** Creates a uniquely named topic/queue, deleted when the scenario ends for this target. */
  async topic(label: string, options?: TopicOptions): Promise<string> {
    const name = this.uniqueName(label);
    await this.client.createTopic(name, options);
    this.cleanups.push(() => this.client.deleteTopic(name));
    return name;
  }

  /** A one-partition topic with a copy on every cluster node where the target takes a replication factor. */
  async replicatedTopic(label: string): Promise<string> {
    const name = this.uniqueName(label);
    await createReplicatedTopic(this.client, name, { partitions: 1 });
    this.cleanups.push(() => this.client.deleteTopic(name));
    return name;
  }

  /** Where a fresh reader starts: the oldest record where the target can say so, else the queue head. */
  fromStart(): StartPosition {
    return fromTheStart(this.capabilities);
  }

  /** Partitions to ask for: `wanted` on partitioned targets, else one queue/stream. */
  partitions(wanted: number): number {
    return this.capabilities.partitions ? wanted : 1;
  }

  /** Subscribes and records every delivery into an inbox; `settle` decides ack / requeue / keep per delivery. */
  async consume(
    topic: string,
    options: SubscribeOptions,
    settle: (delivery: Delivery, inbox: Inbox) => Settle | Promise<Settle> = () => "ack",
  ): Promise<Consumer> {
    const inbox = new Inbox();
    const subscription = await this.client.subscribe(topic, options, async (delivery) => {
      inbox.push(delivery);
      const decision = await settle(delivery, inbox);
      if (decision === "ack") await delivery.ack();
      else if (decision === "requeue") await delivery.nack({ requeue: true });
    });
    this.cleanups.push(() => subscription.close());
    return { inbox, subscription };
  }

  /** Runs an optional sub-step; a target that refuses it gets a note with the adapter's reason instead. */
  async attempt<T>(what: string, step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof UnsupportedCapabilityError) {
        this.note(this.m.runner.unsupportedStep(what, error.message));
        return undefined;
      }
      throw error;
    }
  }

  /** Closes subscriptions and deletes topics, newest first; cleanup failures never hide the result. */
  async cleanup(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // A topic already gone or a subscription already closed is fine here.
      }
    }
  }
}
