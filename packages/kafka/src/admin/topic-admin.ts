import {
  type GroupLag,
  InvalidArgumentError,
  type PartitionState,
  type StartPosition,
  type TopicOptions,
  type TopicState,
} from "@brokerlab/messaging";
import kafkajs, { type Admin } from "kafkajs";
import { missingTopic, protocolErrorType, retriableWhenNoBrokerAnswered, retrying } from "../kafka-errors.js";
import { versionFromProtocol } from "./broker-version.js";
import { topicConfigEntries } from "./topic-configs.js";

interface PartitionOffsets {
  readonly partition: number;
  /** First stored offset. */
  readonly low: bigint;
  /** Log-end offset: the offset the next record gets. */
  readonly high: bigint;
}

/** How often, and how far apart, a topic not in the metadata is looked for before it counts as missing. */
const MISSING_TOPIC_CHECKS = 5;
const MISSING_TOPIC_RECHECK_MS = 300;

/** Topic and group administration over one kafkajs Admin connection. */
export class TopicAdmin {
  private readonly lookups = new Map<string, Promise<number | undefined>>();

  constructor(
    private readonly admin: Admin,
    /** The brokers, printable, for errors. */
    readonly address: string,
    /** Where the refusal text of a CreatePartitions request can be read again (plaintext/TLS only). */
    private readonly refusalProbe?: (
      broker: { host: string; port: number },
      topic: string,
      count: number,
    ) => Promise<string | undefined>,
    /** Replication factor of a topic created without one. */
    private readonly defaultReplicationFactor = 1,
  ) {}

  /**
   * Whether the topic exists. A "no" is asked again for a moment: each broker answers from its own metadata
   * cache, and on a cluster a topic created a moment ago can still be missing from the one kafkajs asks.
   */
  async exists(topic: string): Promise<boolean> {
    return (await this.partitionsOf(topic)) !== undefined;
  }

  /** The topic's partition count, or undefined once it has been missing for every check. */
  private async partitionsOf(topic: string): Promise<number | undefined> {
    for (let attempt = 1; ; attempt++) {
      const partitions = await this.lookUp(topic);
      if (partitions !== undefined) return partitions;
      if (attempt >= MISSING_TOPIC_CHECKS) return undefined;
      await new Promise((resolve) => setTimeout(resolve, MISSING_TOPIC_RECHECK_MS));
    }
  }

  /**
   * One metadata request for this topic alone (listing every topic cost each of a 300-subscription setup two
   * answers the size of the whole topic list). Lookups of one topic made while one is in flight share it.
   */
  private lookUp(topic: string): Promise<number | undefined> {
    const pending = this.lookups.get(topic);
    if (pending) return pending;
    const lookup = retrying(() =>
      this.admin
        .fetchTopicMetadata({ topics: [topic] })
        .catch(retriableWhenNoBrokerAnswered)
        .then(
          (metadata) => metadata.topics[0]?.partitions.length ?? 0,
          (error: unknown) => {
            // kafkajs marks a missing topic retriable; here it is an answer, looked for again by partitionsOf.
            if (protocolErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION") return undefined;
            throw error;
          },
        ),
    ).finally(() => this.lookups.delete(topic));
    this.lookups.set(topic, lookup);
    return lookup;
  }

  async createTopic(topic: string, options: TopicOptions = {}): Promise<void> {
    const partitions = options.partitions ?? 1;
    const replicationFactor = options.replicationFactor ?? this.defaultReplicationFactor;
    requirePositiveInteger("partitions", partitions);
    requirePositiveInteger("replicationFactor", replicationFactor);
    const configEntries = topicConfigEntries(options);
    try {
      // Resolves false when the topic exists already: creating is idempotent.
      await retrying(() =>
        this.admin.createTopics({
          topics: [{ topic, numPartitions: partitions, replicationFactor, configEntries }],
          waitForLeaders: true,
        }),
      );
    } catch (error) {
      const type = protocolErrorType(error);
      if (
        type === "INVALID_REPLICATION_FACTOR" ||
        type === "INVALID_PARTITIONS" ||
        type === "INVALID_CONFIG"
      ) {
        throw new InvalidArgumentError(
          `Kafka refused to create topic "${topic}": ${type} (${messageOf(error)})`,
        );
      }
      throw error;
    }
  }

  async deleteTopic(topic: string): Promise<void> {
    if (!(await this.exists(topic))) return;
    try {
      await this.admin.deleteTopics({ topics: [topic], timeout: 10_000 });
    } catch (error) {
      if (protocolErrorType(error) !== "UNKNOWN_TOPIC_OR_PARTITION") throw error;
    }
  }

  async partitionCount(topic: string): Promise<number> {
    const partitions = await this.partitionsOf(topic);
    if (partitions === undefined) throw missingTopic(topic, this.address);
    return partitions;
  }

  /**
   * Grows the topic; true when it grew. Asking for fewer partitions is sent anyway so the refusal is the
   * broker's own.
   */
  async addPartitions(topic: string, partitions: number): Promise<boolean> {
    requirePositiveInteger("partitions", partitions);
    const current = await this.partitionCount(topic);
    if (current === partitions) return false;
    try {
      await this.admin.createPartitions({ topicPartitions: [{ topic, count: partitions }] });
      await this.awaitPartitionCount(topic, partitions);
      return true;
    } catch (error) {
      const type = protocolErrorType(error);
      if (type !== "INVALID_PARTITIONS") throw error;
      const text = (await this.brokerRefusal(topic, partitions)) ?? messageOf(error);
      throw new InvalidArgumentError(
        `Kafka refused to change topic "${topic}" from ${current} to ${partitions} partitions: ${type}: ${text}`,
      );
    }
  }

  private async brokerRefusal(topic: string, partitions: number): Promise<string | undefined> {
    if (!this.refusalProbe) return undefined;
    try {
      const cluster = await this.admin.describeCluster();
      const broker = cluster.brokers.find((b) => b.nodeId === cluster.controller) ?? cluster.brokers[0];
      return broker ? await this.refusalProbe(broker, topic, partitions) : undefined;
    } catch {
      return undefined;
    }
  }

  async partitionOffsets(topic: string): Promise<PartitionOffsets[]> {
    const partitions = await this.partitionCount(topic);
    let offsets = await retrying(() => this.admin.fetchTopicOffsets(topic));
    if (offsets.length < partitions) {
      // kafkajs answers from metadata cached for up to 5 minutes, so partitions added since are missing.
      // describeConfigs is the cheapest public call that refreshes that cache.
      await this.refreshMetadata(topic);
      offsets = await retrying(() => this.admin.fetchTopicOffsets(topic));
    }
    return offsets
      .map(({ partition, low, high }) => ({ partition, low: BigInt(low), high: BigInt(high) }))
      .sort((a, b) => a.partition - b.partition);
  }

  private async refreshMetadata(topic: string): Promise<void> {
    await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: topic, configNames: ["cleanup.policy"] }],
    });
  }

  /** Waits until the broker's metadata shows `partitions` (a new partition reaches metadata shortly after). */
  async awaitPartitionCount(topic: string, partitions: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.partitionCount(topic)) < partitions && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Offsets the group committed, by partition; partitions without a commit are absent. */
  async committedOffsets(topic: string, group: string): Promise<Map<number, bigint>> {
    const [entry] = await retrying(() => this.admin.fetchOffsets({ groupId: group, topics: [topic] }));
    const committed = new Map<number, bigint>();
    for (const { partition, offset } of entry?.partitions ?? []) {
      if (BigInt(offset) >= 0n) committed.set(partition, BigInt(offset));
    }
    return committed;
  }

  async inspect(topic: string): Promise<TopicState> {
    const partitions: PartitionState[] = (await this.partitionOffsets(topic)).map(
      ({ partition, low, high }) => {
        const stored = Number(high - low);
        return stored > 0
          ? {
              partition,
              stored,
              first: { partition, offset: String(low) },
              last: { partition, offset: String(high - 1n) },
            }
          : { partition, stored };
      },
    );
    return { topic, stored: partitions.reduce((sum, p) => sum + p.stored, 0), partitions };
  }

  /** Log-end offset minus committed offset per partition; a partition the group never committed lags by all it stores. */
  async lag(topic: string, group: string): Promise<GroupLag> {
    const offsets = await this.partitionOffsets(topic);
    const committed = await this.committedOffsets(topic, group);
    const partitions = offsets.map(({ partition, low, high }) => {
      const from = committed.get(partition) ?? low;
      return { partition, lag: Math.max(0, Number(high - from)) };
    });
    return { topic, group, total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
  }

  /**
   * Where each partition starts for a subscription. With `preferCommitted` (a partition that comes to this
   * subscription in a later rebalance) the group's commit wins and `from` is only the fallback.
   */
  async startOffsets(
    topic: string,
    group: string,
    from: StartPosition,
    partitions: readonly number[],
    preferCommitted: boolean,
  ): Promise<Map<number, bigint>> {
    // Independent lookups, asked at once: a subscription's positioning is on the path of every group join.
    const [stored, committed] = await Promise.all([
      this.partitionOffsets(topic),
      preferCommitted || from.kind === "committed" || from.kind === "position"
        ? this.committedOffsets(topic, group)
        : new Map<number, bigint>(),
    ]);
    const offsets = new Map(stored.map((entry) => [entry.partition, entry]));
    const byTime =
      from.kind === "timestamp"
        ? new Map(
            (await retrying(() => this.admin.fetchTopicOffsetsByTimestamp(topic, from.timestamp))).map(
              (e) => [e.partition, BigInt(e.offset)],
            ),
          )
        : new Map<number, bigint>();
    if (from.kind === "position" && !offsets.has(from.position.partition)) {
      throw new InvalidArgumentError(
        `position ${from.position.partition}/${from.position.offset} names a partition topic "${topic}" does not have (it has ${offsets.size})`,
      );
    }
    const start = new Map<number, bigint>();
    for (const partition of partitions) {
      const range = offsets.get(partition);
      if (!range) continue;
      const { low, high } = range;
      const groupOffset = committed.get(partition);
      let offset: bigint;
      if (preferCommitted && groupOffset !== undefined) offset = groupOffset;
      else if (from.kind === "earliest") offset = low;
      else if (from.kind === "latest") offset = high;
      else if (from.kind === "timestamp") offset = byTime.get(partition) ?? high;
      else if (from.kind === "position" && from.position.partition === partition)
        offset = BigInt(from.position.offset);
      // "committed", and the other partitions of an explicit position: the group's commit, else the fallback.
      else offset = groupOffset ?? (from.kind === "committed" && from.fallback === "latest" ? high : low);
      // Out-of-range offsets would make Kafka reset the partition; clamp to what is stored instead.
      start.set(partition, offset < low ? low : offset > high ? high : offset);
    }
    return start;
  }

  /**
   * The largest record batch the topic accepts: Kafka refuses a batch bigger than `max.message.bytes` or than
   * `segment.bytes` (small segments are how retention demos make data expire quickly).
   */
  async batchLimit(topic: string): Promise<number> {
    // Two attempts: enough to ride out a topic created a moment ago, quick to tell a topic that does not exist.
    const described = await retrying(
      () =>
        this.admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            {
              type: kafkajs.ConfigResourceTypes.TOPIC,
              name: topic,
              configNames: ["segment.bytes", "max.message.bytes"],
            },
          ],
        }),
      2,
    );
    const limits = (described.resources[0]?.configEntries ?? [])
      .map((entry) => Number(entry.configValue))
      .filter((value) => Number.isFinite(value) && value > 0);
    return Math.min(...limits);
  }

  /**
   * Kafka has no API that returns its software version. `inter.broker.protocol.version` defaults to the
   * broker's own release, which is the most honest answer the protocol gives (see versionFromProtocol).
   */
  async brokerVersion(): Promise<string> {
    const cluster = await retrying(() => this.admin.describeCluster());
    const broker = cluster.brokers.find((b) => b.nodeId === cluster.controller) ?? cluster.brokers[0];
    if (!broker) return "unknown";
    const described = await retrying(() =>
      this.admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          {
            type: kafkajs.ConfigResourceTypes.BROKER,
            name: String(broker.nodeId),
            configNames: ["inter.broker.protocol.version"],
          },
        ],
      }),
    );
    const entry = described.resources[0]?.configEntries.find(
      (e) => e.configName === "inter.broker.protocol.version",
    );
    if (!entry) return "unknown";
    return versionFromProtocol(
      entry.configValue,
      entry.isDefault || entry.configSource === kafkajs.ConfigSource.DEFAULT_CONFIG,
    );
  }
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${name} must be a positive integer, got ${value}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
