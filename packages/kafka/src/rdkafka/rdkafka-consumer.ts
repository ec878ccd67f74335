import type { KafkaJS, LibrdKafkaError, TopicPartition } from "@confluentinc/kafka-javascript";
import type {
  FetchedBatch,
  GroupConsumer,
  GroupConsumerHandlers,
  GroupConsumerSettings,
} from "../consumer/group-consumer.js";
import { DEFAULT_CONNECTION_TIMEOUT_MS, type KafkaClientOptions } from "../options.js";
import { loadRdkafka, type RdkafkaModule } from "./rdkafka-binding.js";
import { securityConfig } from "./rdkafka-config.js";
import { rdkafkaCode } from "./rdkafka-errors.js";

/**
 * Records per `eachBatch` call (the client's default is 32), about what kafkajs hands over per partition and fetch
 * (1 MB), so the subscription's per-batch work is paid as rarely as there. Measured here, the client's own cost
 * does not depend on it: 15–17 µs of CPU per 1 KiB record with 32 and with 1000 in a bare eachBatch loop (its
 * node-rdkafka `consume` underneath takes 6.5–8). The prefetch gate still bounds what is unsettled.
 */
export const RDKAFKA_MAX_BATCH = 1000;
/**
 * librdkafka serves rebalances only when the application polls it, and leaves the group when it has not polled
 * for max.poll.interval.ms; a batch waiting this long for a prefetch slot is given up so the client polls again
 * (what kafkajs' heartbeat does while waiting). Its records are fetched again; those delivered are not redelivered.
 */
export const RDKAFKA_BATCH_HOLD_MS = 2_000;

/** librdkafka error codes (rdkafka.h) of a commit whose partitions went to another member, or of a closing consumer. */
const LOST_OWNERSHIP = new Set([
  15, // COORDINATOR_NOT_AVAILABLE
  16, // NOT_COORDINATOR
  22, // ILLEGAL_GENERATION
  25, // UNKNOWN_MEMBER_ID
  27, // REBALANCE_IN_PROGRESS
  -142, // _ASSIGNMENT_LOST
  -180, // _WAIT_COORD
]);
const ERR_STATE = -172;
export const ERR_ASSIGN_PARTITIONS = -175;

/**
 * The consumer configuration of a subscription on librdkafka's KafkaJS-compatible API, the same settings as the
 * kafkajs consumer's (short session and rebalance timeouts, 10 s metadata refresh, no topic auto-creation), plus
 * librdkafka's own. The yardstick's raw loop makes its consumer here too, so both run with the same settings.
 */
export function rdkafkaConsumerConfig(
  rdkafka: RdkafkaModule,
  options: KafkaClientOptions,
  group: string,
  commits: { readonly autoCommitIntervalMs?: number } = {},
): KafkaJS.ConsumerConstructorConfig {
  const autoCommit = commits.autoCommitIntervalMs !== undefined;
  return {
    kafkaJS: {
      groupId: group,
      // Where a partition has no position yet; every assigned partition is positioned explicitly anyway.
      fromBeginning: true,
      autoCommit,
      ...(autoCommit ? { autoCommitInterval: commits.autoCommitIntervalMs } : {}),
      sessionTimeout: 10_000,
      rebalanceTimeout: 20_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 500,
      metadataMaxAge: 10_000,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, maxRetryTime: 2_000 },
      logLevel: options.logErrors ? rdkafka.KafkaJS.logLevel.ERROR : rdkafka.KafkaJS.logLevel.NOTHING,
    },
    "bootstrap.servers": options.brokers.join(","),
    "client.id": options.clientId ?? "brokerlab",
    "socket.connection.setup.timeout.ms": Math.max(
      1000,
      options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    ),
    "js.consumer.max.batch.size": RDKAFKA_MAX_BATCH,
    ...securityConfig(options),
  };
}

/**
 * A consumer in a consumer group through librdkafka (@confluentinc/kafka-javascript's KafkaJS-compatible API),
 * manual commits. Unlike kafkajs, it waits for the subscription to position a new assignment before assigning
 * it, and assigns the partitions at those offsets, so nothing is fetched from elsewhere first.
 */
export class RdkafkaGroupConsumer implements GroupConsumer {
  private consumer?: KafkaJS.Consumer;
  /** Set while an assignment is being positioned: seeks made meanwhile become the assignment's offsets. */
  private starts?: Map<number, number>;

  constructor(
    private readonly options: KafkaClientOptions,
    private readonly settings: GroupConsumerSettings,
  ) {}

  async start(handlers: GroupConsumerHandlers): Promise<void> {
    const rdkafka = await loadRdkafka();
    const { topic, group } = this.settings;
    const consumer = new rdkafka.KafkaJS.Kafka({}).consumer({
      ...rdkafkaConsumerConfig(rdkafka, this.options, group),
      // The client awaits this before it assigns; what it returns is the assignment it makes.
      rebalance_cb: (error: LibrdKafkaError, assignment: TopicPartition[]) =>
        error.code === ERR_ASSIGN_PARTITIONS ? this.assign(handlers, assignment) : undefined,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: (payload) => handlers.eachBatch(holdLimited(payload)),
    });
  }

  private async assign(
    handlers: GroupConsumerHandlers,
    assignment: TopicPartition[],
  ): Promise<TopicPartition[]> {
    const starts = new Map<number, number>();
    this.starts = starts;
    try {
      const { topic } = this.settings;
      await handlers.assigned(
        assignment.filter((entry) => entry.topic === topic).map((entry) => entry.partition),
      );
    } finally {
      this.starts = undefined;
    }
    return assignment.map((entry) => {
      const offset = entry.topic === this.settings.topic ? starts.get(entry.partition) : undefined;
      return offset === undefined ? entry : { ...entry, offset };
    });
  }

  seek(partition: number, offset: number): void {
    if (this.starts) {
      this.starts.set(partition, offset);
      return;
    }
    this.consumer?.seek({ topic: this.settings.topic, partition, offset: String(offset) });
  }

  async commit(offsets: readonly (readonly [number, number])[]): Promise<void> {
    const { topic } = this.settings;
    await this.consumer?.commitOffsets(
      offsets.map(([partition, offset]) => ({ topic, partition, offset: String(offset) })),
    );
  }

  lostOwnership(error: unknown, closing: boolean): boolean {
    const code = rdkafkaCode(error);
    if (code === undefined) return false;
    return LOST_OWNERSHIP.has(code) || (closing && code === ERR_STATE);
  }

  async disconnect(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** The batch, stale also once it has been held RDKAFKA_BATCH_HOLD_MS (see there). */
function holdLimited(payload: KafkaJS.EachBatchPayload): FetchedBatch {
  const until = performance.now() + RDKAFKA_BATCH_HOLD_MS;
  return {
    batch: payload.batch,
    resolveOffset: payload.resolveOffset,
    heartbeat: payload.heartbeat,
    isRunning: payload.isRunning,
    isStale: () => payload.isStale() || performance.now() > until,
  };
}
