import { cpus, hostname } from "node:os";
import { type MessagingClient, type Subscription, type TargetId, withTimeout } from "@brokerlab/messaging";
import { createKeyDistributor } from "../keys/key-distributor.js";
import { nowMs } from "../metrics/clock.js";
import { BenchStats } from "../runner/bench-stats.js";
import { PROBE_HEADER, ProducerLoop, SENT_AT_HEADER } from "../runner/producer-loop.js";
import { forEachLimited } from "../util/for-each-limited.js";
import { createPayloads } from "../workload/payloads.js";
import type { Agent, AgentHistograms, AgentInfo, AgentPlan, AgentSnapshot } from "./agent.js";

/** Clients connected at once: enough to hide round trips, few enough not to storm the broker. */
const SETUP_PARALLELISM = 16;
/** Subscriptions opened at once: a Kafka group join mostly waits on the coordinator, so more can overlap. */
const SUBSCRIBE_PARALLELISM = 32;

interface Consumer {
  readonly topic: string;
  readonly group: string;
  readonly client: MessagingClient;
}

/**
 * Runs one process's producers and consumers for one target. The coordinator drives it (directly in-process, or
 * through a worker's HTTP service) and reads its counters and histograms.
 */
export class LoadAgent implements Agent {
  readonly where: string;
  private readonly createClient: (target: TargetId) => MessagingClient;
  private stats = new BenchStats();
  private clients: MessagingClient[] = [];
  private consumers: Consumer[] = [];
  private producers: ProducerLoop[] = [];
  private subscriptions: Subscription[] = [];
  private readonly ready = new Set<string>();
  private connected = 0;
  private planned = 0;
  private recordingEndToEnd = true;
  private prefetch = 1;

  constructor(createClient: (target: TargetId) => MessagingClient, where = "in-process") {
    this.createClient = createClient;
    this.where = where;
  }

  async info(): Promise<AgentInfo> {
    return {
      pid: process.pid,
      cores: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      node: process.versions.node,
      hostname: hostname(),
      now: nowMs(),
    };
  }

  async setup(plan: AgentPlan): Promise<void> {
    await this.close();
    const { workload } = plan;
    this.planned = plan.producers.length + plan.consumers.length;
    const open = async (): Promise<MessagingClient> => {
      const client = this.createClient(plan.target);
      this.clients.push(client);
      await withTimeout(
        client.connect(),
        plan.connectTimeoutMs,
        `connecting ${plan.target} to ${client.address}`,
      );
      this.connected++;
      return client;
    };
    const consumers: Consumer[] = [];
    await forEachLimited(plan.consumers, SETUP_PARALLELISM, async ({ topic, group }) => {
      consumers.push({ topic, group, client: await open() });
    });
    this.consumers = consumers;
    const payloads = createPayloads({
      ...workload,
      ...(plan.payloadBase64 === undefined ? {} : { fileBytes: Buffer.from(plan.payloadBase64, "base64") }),
    });
    const producers: ProducerLoop[] = [];
    await forEachLimited(plan.producers, SETUP_PARALLELISM, async ({ topic }) => {
      producers.push(
        new ProducerLoop({
          publisher: await open(),
          topic,
          rate: 1,
          keys: createKeyDistributor(workload.keyDistributor),
          payloads,
          batchSize: workload.publishBatchSize,
          maxInflight: workload.maxInflightPublishes,
          durability: plan.durability,
          stats: this.stats,
        }),
      );
    });
    this.producers = producers;
    this.prefetch = workload.consumerPrefetch;
  }

  async subscribe(): Promise<void> {
    await forEachLimited(this.consumers, SUBSCRIBE_PARALLELISM, async (consumer) => {
      this.subscriptions.push(await this.subscribeOne(consumer));
    });
  }

  private subscribeOne({ topic, group, client }: Consumer): Promise<Subscription> {
    const stats = this.stats;
    const key = `${topic}|${group}`;
    return client.subscribe(topic, { group, prefetch: this.prefetch }, (delivery) => {
      if (delivery.headers[PROBE_HEADER] !== undefined) {
        this.ready.add(key);
        return delivery.ack();
      }
      const sentAt = Number(delivery.headers[SENT_AT_HEADER]);
      if (this.recordingEndToEnd && Number.isFinite(sentAt)) stats.endToEnd.recordMillis(nowMs() - sentAt);
      stats.consumed++;
      stats.consumedBytes += delivery.value.length;
      // Acknowledge without holding up the next delivery, as OMB's consumers do (async ack): the adapters
      // still bound unacknowledged deliveries by the prefetch.
      delivery.ack().catch((error: unknown) => {
        stats.consumeErrors++;
        stats.noteError(error);
      });
    });
  }

  async unsubscribe(): Promise<void> {
    await Promise.allSettled(this.subscriptions.splice(0).map((subscription) => subscription.close()));
  }

  async setRate(ratePerProducer: number): Promise<void> {
    for (const producer of this.producers) producer.setRate(ratePerProducer);
  }

  async startProducers(): Promise<void> {
    for (const producer of this.producers) producer.start();
  }

  async stopProducers(): Promise<void> {
    await Promise.all(this.producers.map((producer) => producer.stop()));
  }

  async recordEndToEnd(on: boolean): Promise<void> {
    this.recordingEndToEnd = on;
  }

  async snapshot(): Promise<AgentSnapshot> {
    const { stats } = this;
    const cpu = process.cpuUsage();
    return {
      published: stats.published,
      publishedBytes: stats.publishedBytes,
      publishErrors: stats.publishErrors,
      consumed: stats.consumed,
      consumedBytes: stats.consumedBytes,
      consumeErrors: stats.consumeErrors,
      ready: [...this.ready],
      connected: this.connected,
      clients: this.planned,
      subscribed: this.subscriptions.length,
      consumers: this.consumers.length,
      cpuUserUs: cpu.user,
      cpuSystemUs: cpu.system,
      errors: stats.errors(),
    };
  }

  async histograms(): Promise<AgentHistograms> {
    return {
      publishLatency: this.stats.publishLatency.encode(),
      publishDelay: this.stats.publishDelay.encode(),
      endToEnd: this.stats.endToEnd.encode(),
    };
  }

  async resetHistograms(): Promise<void> {
    this.stats.resetHistograms();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.producers.splice(0).map((producer) => producer.stop(2000)));
    await this.unsubscribe();
    await Promise.allSettled(
      this.clients
        .splice(0)
        .map((client) => withTimeout(client.close(), 10_000, `closing ${client.address}`)),
    );
    this.consumers = [];
    this.ready.clear();
    this.connected = 0;
    this.planned = 0;
    this.recordingEndToEnd = true;
    this.stats = new BenchStats();
  }
}
