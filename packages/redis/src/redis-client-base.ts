import {
  type Capabilities,
  type DeliveryHandler,
  type GroupLag,
  type MessageRecord,
  type MessagingClient,
  type PublishOptions,
  type PublishReceipt,
  reportingHandler,
  type SubscribeOptions,
  type Subscription,
  type TopicOptions,
  type TopicState,
} from "@brokerlab/messaging";
import { type RedisTarget, redisCapabilitiesIn } from "./capabilities.js";
import type { RedisSession } from "./session.js";
import { refusePartitions } from "./shared.js";
import { topicSettingsFor } from "./topic-settings.js";

/**
 * What the three Redis clients (list, stream, BullMQ) do alike: one session, topic settings kept in Redis,
 * no partitions, and closing every subscription before the session. Each client adds how it publishes,
 * subscribes and counts what a topic stores.
 */
export abstract class RedisClientBase implements MessagingClient {
  readonly capabilities: Capabilities;
  /** Live subscriptions, closed by close(); each removes itself when closed on its own. */
  protected readonly subscriptions = new Set<Subscription>();

  constructor(
    readonly target: RedisTarget,
    protected readonly session: RedisSession,
  ) {
    this.capabilities = redisCapabilitiesIn(target, session.options.deployment);
  }

  get address(): string {
    return this.session.address;
  }

  /** Our own connection proves Redis answers (fast, named failure). */
  async connect(): Promise<void> {
    await this.session.connection();
  }

  brokerVersion(): Promise<string> {
    return this.session.brokerVersion();
  }

  /** Persistence and memory settings of the server, the same for every Redis target. */
  settingsInEffect(): Promise<Record<string, string | number>> {
    return this.session.settingsInEffect();
  }

  /** Stores the topic's settings (retention, delivery limit) for later publishes and subscriptions. */
  async createTopic(topic: string, options?: TopicOptions): Promise<void> {
    await this.session.saveSettings(topic, topicSettingsFor(this.target, options));
  }

  async deleteTopic(topic: string): Promise<void> {
    await this.session.deleteMatching(this.session.keys(topic).all);
    this.session.forgetTopic(topic);
  }

  async addPartitions(): Promise<void> {
    refusePartitions(this.target);
  }

  /** The handler with its failures reported (RedisClientOptions.onHandlerError, else stderr). */
  protected reporting(handler: DeliveryHandler): DeliveryHandler {
    return reportingHandler(this.target, handler, this.session.options.onHandlerError);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.session.close();
  }

  abstract publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]>;
  abstract subscribe(
    topic: string,
    options: SubscribeOptions,
    handler: DeliveryHandler,
  ): Promise<Subscription>;
  abstract inspect(topic: string): Promise<TopicState>;
  abstract lag(topic: string, group: string): Promise<GroupLag>;
}
