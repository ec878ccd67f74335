import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { kafkaClasspath } from "@brokerlab/brokers";
import type { DurabilityLevel, TargetId } from "@brokerlab/messaging";
import type { ConnectionSettings } from "@brokerlab/targets";
import amqplib from "amqplib";
import { Redis } from "ioredis";
import kafkajs from "kafkajs";
import {
  parseConsumerPerformance,
  parsePerfTest,
  parseProducerPerformance,
  parseRedisBenchmark,
} from "./native-output.js";
import { runCommand } from "./run-command.js";

export interface NativeRun {
  readonly target: TargetId;
  readonly settings: ConnectionSettings;
  /** Queue/topic/key name unique to the run. */
  readonly name: string;
  readonly messageSize: number;
  readonly partitions: number;
  readonly durability: DurabilityLevel;
  /** Records per adapter publish call and calls in flight: mapped onto each tool's pipeline/confirm window. */
  readonly batchSize: number;
  readonly maxInflight: number;
  readonly seconds: number;
  readonly log: (line: string) => void;
}

export interface NativeResult {
  readonly tool: string;
  readonly msgPerSec: number | null;
  readonly notes: readonly string[];
}

export const PERF_TEST_VERSION = "2.22.1";

function cacheDir(): string {
  return (
    process.env.BROKERLAB_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "brokerlab")
  );
}

/** The broker's own benchmark tool, publish-only at max rate, with the settings the adapter path uses. */
export async function runNativeTool(run: NativeRun): Promise<NativeResult> {
  try {
    if (run.target === "kafka") return await kafkaPerformance(run);
    if (run.target.startsWith("rabbitmq")) return await perfTest(run);
    return await redisBenchmark(run);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { tool: toolName(run.target), msgPerSec: null, notes: [`native tool failed: ${message}`] };
  }
}

function toolName(target: TargetId): string {
  if (target === "kafka") return "kafka ProducerPerformance";
  if (target.startsWith("rabbitmq")) return `PerfTest ${PERF_TEST_VERSION}`;
  return target === "redis-stream" ? "redis-benchmark XADD" : "redis-benchmark LPUSH";
}

const KAFKA_ACKS: Record<DurabilityLevel, string> = { none: "0", leader: "1", replicated: "all" };

async function kafkaPerformance(run: NativeRun): Promise<NativeResult> {
  const classpath = await kafkaClasspath({ log: run.log });
  const bootstrap = run.settings.kafkaBrokers.join(",");
  const kafka = new kafkajs.Kafka({ brokers: run.settings.kafkaBrokers, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic: run.name, numPartitions: run.partitions }],
      waitForLeaders: true,
    });
    // Enough records for about `seconds` at the rates this machine class reaches; the tool reports its own rate.
    const records = Math.max(100_000, run.seconds * 40_000);
    const producer = await runCommand(
      "java",
      [
        "-Xmx512m",
        "-cp",
        classpath,
        "org.apache.kafka.tools.ProducerPerformance",
        "--topic",
        run.name,
        "--num-records",
        String(records),
        "--record-size",
        String(run.messageSize),
        "--throughput",
        "-1",
        "--producer-props",
        `bootstrap.servers=${bootstrap}`,
        `acks=${KAFKA_ACKS[run.durability]}`,
      ],
      180_000,
    );
    const msgPerSec = parseProducerPerformance(producer.output);
    if (msgPerSec === undefined)
      throw new Error(`ProducerPerformance printed no summary: ${tail(producer.output)}`);
    const notes = [
      `ProducerPerformance: ${records} records, acks=${KAFKA_ACKS[run.durability]}, Java producer defaults`,
    ];
    const consumer = await runCommand(
      "java",
      [
        "-Xmx512m",
        "-cp",
        classpath,
        "org.apache.kafka.tools.ConsumerPerformance",
        "--bootstrap-server",
        bootstrap,
        "--topic",
        run.name,
        "--messages",
        String(records),
        "--group",
        `${run.name}-perf`,
        "--timeout",
        "30000",
      ],
      120_000,
    );
    const consumed = parseConsumerPerformance(consumer.output);
    notes.push(
      consumed === undefined
        ? `ConsumerPerformance printed no summary: ${tail(consumer.output)}`
        : `ConsumerPerformance read them back at ${Math.round(consumed)} msg/s (incl. group join)`,
    );
    return { tool: toolName(run.target), msgPerSec: Math.round(msgPerSec), notes };
  } finally {
    await admin.deleteTopics({ topics: [run.name] }).catch(() => {});
    await admin.disconnect();
  }
}

/** PerfTest and its dependencies from Maven Central into the cache (first run only). */
async function perfTestClasspath(log: (line: string) => void): Promise<string> {
  const home = join(cacheDir(), `perf-test-${PERF_TEST_VERSION}`);
  const libs = join(home, "libs");
  if (existsSync(libs) && readdirSync(libs).some((file) => file.startsWith("perf-test-")))
    return join(libs, "*");
  log(`resolving RabbitMQ PerfTest ${PERF_TEST_VERSION} from Maven Central into ${libs} (first run only)…`);
  mkdirSync(home, { recursive: true });
  writeFileSync(
    join(home, "pom.xml"),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>brokerlab</groupId><artifactId>perf-test-resolver</artifactId><version>1</version>
<dependencies><dependency><groupId>com.rabbitmq</groupId><artifactId>perf-test</artifactId><version>${PERF_TEST_VERSION}</version></dependency></dependencies>
</project>\n`,
  );
  const result = await runCommand(
    "mvn",
    ["-q", "-B", "-f", join(home, "pom.xml"), "dependency:copy-dependencies", `-DoutputDirectory=${libs}`],
    600_000,
  );
  if (result.code !== 0)
    throw new Error(`mvn could not resolve com.rabbitmq:perf-test: ${tail(result.output)}`);
  return join(libs, "*");
}

async function perfTest(run: NativeRun): Promise<NativeResult> {
  const classpath = await perfTestClasspath(run.log);
  const type = { "rabbitmq-queue": "classic", "rabbitmq-quorum": "quorum", "rabbitmq-stream": "stream" }[
    run.target as "rabbitmq-queue"
  ];
  const confirmWindow = run.batchSize * run.maxInflight;
  const args = [
    "-Xmx512m",
    "-cp",
    classpath,
    "com.rabbitmq.perf.PerfTest",
    "--uri",
    run.settings.rabbitmqUrl,
    "--queue",
    run.name,
    "--queue-args",
    `x-queue-type=${type}`,
    "--auto-delete",
    "false",
    "--flag",
    "persistent",
    "--producers",
    "1",
    "--consumers",
    "0",
    "--size",
    String(run.messageSize),
    "--time",
    String(run.seconds),
    ...(run.durability === "none" ? [] : ["--confirm", String(confirmWindow)]),
  ];
  try {
    const result = await runCommand("java", args, (run.seconds + 60) * 1000);
    const msgPerSec = parsePerfTest(result.output);
    if (msgPerSec === undefined) throw new Error(`PerfTest printed no summary: ${tail(result.output)}`);
    return {
      tool: toolName(run.target),
      msgPerSec: Math.round(msgPerSec),
      notes: [
        `PerfTest: 1 producer, persistent, ${run.durability === "none" ? "no confirms" : `confirm window ${confirmWindow}`}, ${type} queue`,
      ],
    };
  } finally {
    const connection = await amqplib.connect(run.settings.rabbitmqUrl);
    const channel = await connection.createChannel();
    await channel.deleteQueue(run.name).catch(() => {});
    await connection.close().catch(() => {});
  }
}

async function redisBenchmark(run: NativeRun): Promise<NativeResult> {
  const url = new URL(run.settings.redisUrl);
  const payload = "x".repeat(run.messageSize);
  const requests = Math.max(50_000, Math.min(200_000, run.seconds * 20_000));
  const command =
    run.target === "redis-stream" ? ["XADD", run.name, "*", "v", payload] : ["LPUSH", run.name, payload];
  const args = [
    "-h",
    url.hostname,
    "-p",
    url.port || "6379",
    ...(url.password ? ["-a", decodeURIComponent(url.password), "--no-auth-warning"] : []),
    ...(url.username ? ["--user", decodeURIComponent(url.username)] : []),
    ...(url.pathname.length > 1 ? ["--dbnum", url.pathname.slice(1)] : []),
    ...(url.protocol === "rediss:" ? ["--tls"] : []),
    "-n",
    String(requests),
    "-c",
    String(run.maxInflight),
    "-P",
    String(run.batchSize),
    "-q",
    ...command,
  ];
  try {
    const result = await runCommand("redis-benchmark", args, 180_000);
    const msgPerSec = parseRedisBenchmark(result.output);
    if (msgPerSec === undefined)
      throw new Error(`redis-benchmark printed no summary: ${tail(result.output)}`);
    const notes = [
      `redis-benchmark: ${requests} × ${command[0]}, ${run.maxInflight} connections, pipeline ${run.batchSize}`,
    ];
    if (run.target === "bullmq")
      notes.push("BullMQ has no benchmark tool of its own: Redis LPUSH is the ceiling shown");
    return { tool: toolName(run.target), msgPerSec: Math.round(msgPerSec), notes };
  } finally {
    const redis = new Redis(run.settings.redisUrl, { maxRetriesPerRequest: 1 });
    await redis.del(run.name).catch(() => 0);
    redis.disconnect();
  }
}

function tail(output: string): string {
  return output.trim().split("\n").slice(-3).join(" | ").slice(0, 300);
}
