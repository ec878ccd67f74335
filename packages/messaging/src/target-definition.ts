import type { Capabilities } from "./capabilities.js";
import type { MessagingClient, Publisher } from "./client.js";
import type { Deployment } from "./deployment.js";
import type { DurabilityLevel } from "./durability.js";
import type { TargetId } from "./targets.js";

/**
 * Where the process was told the brokers are. Each adapter package reads its own broker's part of it
 * (BROKERLAB_KAFKA_*, BROKERLAB_RABBITMQ_URL, ...), so a new broker or deployment adds its settings locally.
 */
export interface ConnectionSource {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Producer behaviour asked of every target that has it, set in code (a scenario comparing two ways). */
  readonly producer?: ProducerPreferences;
}

/**
 * How a partitioned target's producer spreads records without a key: `round-robin` (each record to the next
 * partition) or `sticky` (a batch's worth to one partition, then another; KIP-480). Targets without
 * partitions have nothing to spread and ignore it; the Kafka targets define what each mode does.
 */
export interface ProducerPreferences {
  readonly unkeyedPartitioning?: "round-robin" | "sticky";
  /**
   * How keyed records pick a partition: `murmur2` (the Java client's hash, the Kafka targets' default) or
   * `consistent-random` (librdkafka's own default, CRC32). A target whose client lacks it refuses it with
   * InvalidArgumentError when the client is created.
   */
  readonly keyedPartitioning?: "murmur2" | "consistent-random";
}

/**
 * One target, defined once by the adapter package that implements it; `@brokerlab/targets` lists them and
 * everything else (CLI, scenarios, bench, conformance, reports) looks them up by id. `Settings` is the
 * broker's connection settings, shared by the targets of one broker.
 *
 * Methods (not function-valued fields) on purpose: a definition with its own Settings type is then usable
 * where any definition is expected.
 */
export interface TargetDefinition<Settings = unknown> {
  /** Lower-case kebab-case, unique over all targets. */
  readonly id: TargetId;
  /** The broker the target runs on ("kafka", "rabbitmq", "redis"): the one `pnpm brokers` starts. */
  readonly broker: string;
  /** One line a person reads in help texts and reports. */
  readonly description: string;
  /** What the target does on a single node (the default deployment). */
  readonly capabilities: Capabilities;
  /**
   * What the target does on a deployment: the durability levels differ (`replicated` needs the cluster's
   * copies). Clients created for that deployment's settings report the same.
   */
  capabilitiesIn(deployment: Deployment): Capabilities;
  /** The broker's connection settings from the source; invalid settings throw InvalidArgumentError. */
  settings(source: ConnectionSource): Settings;
  /** A client for this target, not yet connected. */
  createClient(settings: Settings): MessagingClient;
  /**
   * Only where the target has an idempotent producer (the broker drops the duplicates its own retries would
   * write): the settings with it switched on. The failover scenario runs it as one more column.
   */
  idempotentSettings?(settings: Settings): Settings;
  readonly bench: BenchSupport<Settings>;
}

/** What the bench's yardstick compares the adapter with; "none" says so explicitly. */
export interface BenchSupport<Settings> {
  readonly rawPublisher: RawPublisherFactory<Settings> | "none";
  /** The consume yardstick's raw loop (`pnpm bench --yardstick --consume`); "none" says there is none. */
  readonly rawConsumer: RawConsumerFactory<Settings> | "none";
  readonly nativeTool: NativeTool<Settings> | "none";
  /** The broker's own consumer benchmark, where it has one the consume yardstick can run. Absent: none. */
  readonly nativeConsumer?: NativeConsumerTool<Settings>;
  /**
   * How the soak reads the broker's own memory figure (Redis `INFO memory`, RabbitMQ's memory breakdown, the Kafka
   * JVM's heap). Absent: the soak records only the RSS of the process listening on the broker's port.
   */
  readonly brokerMemory?: BrokerMemoryProbe<Settings>;
  /**
   * What the broker can hold: the bench checks a workload against it before a record is sent (payload size,
   * and the backlog or retained volume the run would build against memory or disk). Absent: not checked.
   */
  readonly capacity?: BrokerCapacity<Settings>;
}

/** The limits one target's broker sets on what a run may send and keep. */
export interface BrokerCapacity<Settings> {
  /**
   * The largest record value the target accepts as its adapter sets things up, headers and framing left
   * room for (e.g. Kafka: the max.message.bytes of the topics the adapter creates).
   */
  readonly maxRecordBytes: number;
  /** Where that figure comes from, e.g. "Redis proto-max-bulk-len, 512 MiB by default". */
  readonly maxRecordWhat: string;
  /**
   * Room the running broker has for stored records (Redis: maxmemory or the machine's free memory; Kafka and
   * RabbitMQ: free disk where their data is). Undefined when it cannot be told, e.g. a broker on another machine.
   */
  room(settings: Settings, context: BrokerProbeContext): Promise<BrokerRoom | undefined>;
}

export interface BrokerRoom {
  readonly bytes: number;
  /** What the figure is, with its inputs, e.g. "maxmemory 10 MiB less 1.2 MiB used (INFO memory)". */
  readonly what: string;
  /** What to do to make room, e.g. "raise maxmemory", "free disk space under /var/lib/rabbitmq". */
  readonly fix: string;
}

/** One reading of a broker's memory, as the broker (or its runtime) counts it. */
export interface BrokerMemory {
  /** What the number is, e.g. "used_memory (INFO memory)". */
  readonly what: string;
  readonly bytes: number;
}

export interface BrokerMemoryProbe<Settings> {
  /** The broker's process on this machine (the soak reads its RSS), undefined when it is elsewhere. */
  process(settings: Settings, context: BrokerProbeContext): Promise<number | undefined>;
  /** Throws (one line) when the broker cannot be read, e.g. a JVM heap on another machine. */
  read(settings: Settings, context: BrokerProbeContext): Promise<BrokerMemory>;
}

/** What the bench lends a memory probe. */
export interface BrokerProbeContext {
  runCommand(
    command: string,
    args: readonly string[],
    timeoutMs: number,
    env?: Readonly<Record<string, string>>,
  ): Promise<CommandResult>;
  /** Whether a host name or address is this machine (loopback). */
  isLocalHost(host: string): boolean;
  /** The id of the local process listening on `port` (from `ss`), undefined when none is found. */
  listeningPid(port: number): Promise<number | undefined>;
  /**
   * The free disk of these local folders' tightest file system: folders on one file system share its free
   * space (less `reserveBytes`, which the broker keeps back), so each gets its part of it.
   */
  diskShare(folders: readonly string[], reserveBytes?: number): Promise<DiskShare | undefined>;
}

export interface DiskShare {
  /** The first of the folders on that file system. */
  readonly folder: string;
  /** How many of the folders are on it. */
  readonly folders: number;
  /** Its free bytes (statfs: available to unprivileged users). */
  readonly freeBytes: number;
  /** (freeBytes − reserveBytes) ÷ folders, at least 0. */
  readonly shareBytes: number;
}

export interface RawPublisherFactory<Settings> {
  /**
   * The bare client behind the contract's `publish`, with the same message content and acknowledgement as
   * the adapter, so the yardstick's loop is the same for both. Creates `options.name` as the adapter would.
   */
  open(settings: Settings, options: RawPublisherOptions): Promise<RawPublisher>;
}

export interface RawPublisherOptions {
  /** Topic, queue or key name, unique to the run. */
  readonly name: string;
  readonly partitions: number;
}

export interface RawPublisher extends Publisher {
  /**
   * Only where the broker holds what was published in memory (Redis, RabbitMQ queues): drops it, so the
   * yardstick can empty both paths between rounds. Logs (Kafka, RabbitMQ streams) keep growing, as in a long
   * run. Resolves once the broker is done freeing, also what the adapter deleted just before.
   */
  empty?(): Promise<void>;
  /** Removes what setup created and disconnects. */
  close(): Promise<void>;
}

export interface RawConsumerFactory<Settings> {
  /**
   * The bare client's consume-and-acknowledge loop on `options.name`, which the target's raw publisher created
   * and fills: what the adapter's subscription does for each record (reads, decodes key, headers and value as
   * the adapter's format needs, acknowledges the way the adapter does: commits, acks, XACK, LREM, job
   * completion), without the contract's Delivery objects, ordering or bookkeeping. `handler` runs once per
   * record before its acknowledgement; a promise it returns holds that record (and the loop, as far as the
   * prefetch window lets it) until it resolves. Live when `open` resolves.
   */
  open(settings: Settings, options: RawConsumerOptions, handler: RawRecordHandler): Promise<RawConsumer>;
}

export interface RawConsumerOptions {
  /** The topic, queue or key the raw publisher opened with the same name fills. */
  readonly name: string;
  readonly partitions: number;
  /** Consumer group where the target has groups. */
  readonly group: string;
  /** Unacknowledged records in flight, as the adapter's `SubscribeOptions.prefetch`. */
  readonly prefetch: number;
}

/** Called with each record's value; a promise holds the record until it resolves (undefined: ack at once). */
export type RawRecordHandler = (value: Buffer) => Promise<void> | undefined;

export interface RawConsumer {
  /** Stops consuming; every acknowledgement of a record the handler finished with is sent first. */
  close(): Promise<void>;
}

/** The broker's own consumer benchmark on a topic or queue the yardstick filled with `run.records` records. */
export interface NativeConsumerTool<Settings> {
  /** As shown in reports, e.g. "kafka ConsumerPerformance". */
  readonly name: string;
  /** Throws when the tool cannot run or prints no result; the bench reports that as a note. */
  run(settings: Settings, run: NativeConsumeRun, context: NativeToolContext): Promise<NativeToolResult>;
}

export interface NativeConsumeRun {
  /** Filled by the target's raw publisher (opened with this name), removed by it afterwards. */
  readonly name: string;
  /** Records waiting there. */
  readonly records: number;
  readonly messageSize: number;
  readonly partitions: number;
  /** The prefetch the adapter and raw loop consumed with. */
  readonly prefetch: number;
  /** About how long the tool should consume, where it runs for a time rather than a count. */
  readonly seconds: number;
}

/** The broker's own benchmark tool, publish-only at max rate, with the settings the adapter path uses. */
export interface NativeTool<Settings> {
  /** As shown in reports, e.g. "kafka ProducerPerformance". */
  readonly name: string;
  /** Throws when the tool cannot run or prints no result; the bench reports that as a note. */
  run(settings: Settings, run: NativeRun, context: NativeToolContext): Promise<NativeToolResult>;
  /**
   * Optional: the tool in rounds that the yardstick interleaves with the adapter's slices, from one long-lived
   * process (a warm JVM rather than a cold one per run), each round publishing for about the same time. Tools
   * without it run once, after the adapter.
   */
  openRounds?(settings: Settings, run: NativeRun, context: NativeToolContext): Promise<NativeRounds>;
}

/** A native tool kept running between rounds. */
export interface NativeRounds {
  /** Publishes for about `seconds`; resolves with the rate the tool reported for that round. */
  round(seconds: number): Promise<number>;
  /** What the report should say about how the rounds ran. */
  readonly notes: readonly string[];
  /** Stops the tool and removes what it created. */
  close(): Promise<void>;
}

export interface NativeRun {
  /** Queue/topic/key name unique to the run. */
  readonly name: string;
  readonly messageSize: number;
  readonly partitions: number;
  readonly durability: DurabilityLevel;
  /** Records per adapter publish call and calls in flight: mapped onto each tool's pipeline/confirm window. */
  readonly batchSize: number;
  readonly maxInflight: number;
  readonly seconds: number;
}

export interface NativeToolResult {
  readonly msgPerSec: number;
  readonly notes: readonly string[];
}

export interface CommandResult {
  readonly code: number | null;
  readonly output: string;
  /** The output's last lines, shortened: what an error message quotes. */
  readonly tail: string;
}

/** What the bench lends a native tool: running commands and resolving Java tools into its cache. */
export interface NativeToolContext {
  /** Runs a command to completion (bounded), stdout and stderr together. Never throws on exit code. */
  runCommand(command: string, args: readonly string[], timeoutMs: number): Promise<CommandResult>;
  /** Classpath (`dir/*`) of the Apache Kafka distribution's jars (server and tools), resolved once. */
  kafkaDistributionClasspath(): Promise<string>;
  /** Classpath (`dir/*`) of a Maven artifact `group:artifact:version` and its dependencies, resolved once. */
  mavenClasspath(coordinates: string): Promise<string>;
  readonly log: (line: string) => void;
}
