import {
  type DeliveryHandler,
  type GroupLag,
  type MessageRecord,
  type PublishOptions,
  type PublishReceipt,
  requireStartPosition,
  StartAt,
  type SubscribeOptions,
  type Subscription,
  singlePartitionLag,
  singlePartitionState,
  type TopicState,
} from "@brokerlab/messaging";
import { Queue, type RedisOptions } from "bullmq";
import { validateTopic } from "../keys.js";
import { RedisClientBase } from "../redis-client-base.js";
import type { RedisSession } from "../session.js";
import { checkPrefetch, checkPublish, publishFailure } from "../shared.js";
import { BullMqSubscription } from "./bullmq-subscription.js";
import { encodeJobData, type JobData, jobOptions } from "./job-data.js";

/** Job states a consumer may still receive; completed and failed are history. */
const DELIVERABLE = ["waiting", "active", "delayed", "prioritized", "waiting-children"] as const;

/** `bullmq`: a BullMQ queue per topic; one job per record, a Worker per subscription. */
export class BullMqClient extends RedisClientBase {
  private readonly queues = new Map<string, Queue<JobData>>();

  constructor(session: RedisSession) {
    super("bullmq", session);
  }

  async publish(
    topic: string,
    records: readonly MessageRecord[],
    options?: PublishOptions,
  ): Promise<PublishReceipt[]> {
    checkPublish(this, topic, records, options?.durability);
    if (records.length === 0) return [];
    // Settings first: a topic never created is refused before BullMQ makes its keys.
    const opts = jobOptions(await this.session.settings(topic));
    const queue = await this.queueFor(topic);
    const now = Date.now();
    await queue
      .addBulk(records.map((record) => ({ name: "record", data: encodeJobData(record, now), opts })))
      .catch((error: unknown) => {
        throw publishFailure(topic, error);
      });
    return records.map(() => ({}));
  }

  async subscribe(topic: string, options: SubscribeOptions, handler: DeliveryHandler): Promise<Subscription> {
    requireStartPosition(
      this,
      options.from ?? StartAt.committed,
      "a BullMQ queue hands out waiting jobs; completed jobs are history, never delivered again",
    );
    validateTopic(topic);
    await this.connect();
    // Never created: refused, rather than a Worker waiting on a queue nobody publishes to.
    await this.session.settings(topic);
    const subscription: BullMqSubscription = new BullMqSubscription(
      this.session,
      topic,
      this.connectionOptions(),
      checkPrefetch(options.prefetch),
      this.reporting(handler),
      () => this.subscriptions.delete(subscription),
    );
    await subscription.start();
    this.subscriptions.add(subscription);
    return subscription;
  }

  override async deleteTopic(topic: string): Promise<void> {
    const queue = await this.queueFor(topic);
    await queue.obliterate({ force: true });
    await queue.close();
    this.queues.delete(topic);
    // Whatever obliterate leaves (a worker's marker written later) and our meta hash.
    await this.session.deleteMatching(`${this.session.options.keyPrefix}:${topic}:*`);
    await this.session.deleteMatching(this.session.keys(topic).all);
    this.session.forgetTopic(topic);
  }

  /** Stored = jobs a worker may still receive; `history` = what the completed and failed sets keep. */
  async inspect(topic: string): Promise<TopicState> {
    const counts = await (await this.queueFor(topic)).getJobCounts(...DELIVERABLE, "completed", "failed");
    const stored = DELIVERABLE.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
    const history = { completed: counts.completed ?? 0, failed: counts.failed ?? 0 };
    return { ...singlePartitionState(topic, stored), history };
  }

  /** One queue is one group: lag = jobs not yet completed (waiting, delayed, active), whatever `group` says. */
  async lag(topic: string, group: string): Promise<GroupLag> {
    const { stored } = await this.inspect(topic);
    return singlePartitionLag(topic, group, stored);
  }

  override async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await super.close();
  }

  private async queueFor(topic: string): Promise<Queue<JobData>> {
    validateTopic(topic);
    await this.connect();
    let queue = this.queues.get(topic);
    if (queue === undefined) {
      queue = new Queue<JobData>(topic, {
        connection: this.connectionOptions(),
        prefix: this.session.options.keyPrefix,
      });
      queue.on("error", () => {});
      this.queues.set(topic, queue);
    }
    return queue;
  }

  /** BullMQ opens its own connections; workers require maxRetriesPerRequest null (they block). */
  private connectionOptions(): RedisOptions {
    return {
      ...this.session.options.endpoint,
      connectTimeout: this.session.options.connectionTimeoutMs,
      maxRetriesPerRequest: null,
    };
  }
}
