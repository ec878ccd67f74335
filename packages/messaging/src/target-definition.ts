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
  readonly nativeTool: NativeTool<Settings> | "none";
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
