import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { NativeRounds, NativeRun, NativeToolContext } from "@brokerlab/messaging";
import kafkajs from "kafkajs";
import type { KafkaSettings } from "../kafka-settings.js";
import { kafkaConfig } from "../options.js";
import { createBenchTopic } from "./bench-topic.js";
import { parseProducerPerformance } from "./native-output.js";
import { producerBufferBytes } from "./producer-window.js";

/** Runs ProducerPerformance once per line of arguments, in one JVM (java's single-file source launcher). */
const DRIVER = fileURLToPath(new URL("../../java/ProducerPerformanceRounds.java", import.meta.url));
const ROUND_DONE = "ROUND_DONE";
/** A first guess for sizing the first round; later rounds are sized from the rate the one before reached. */
const FIRST_GUESS_MSG_PER_SEC = 50_000;
const MIN_RECORDS = 5_000;
const ROUND_TIMEOUT_MS = 120_000;

/**
 * Kafka's ProducerPerformance in rounds from one long-lived JVM: each round is the tool's own run (Java
 * producer defaults but for `buffer.memory`, which holds the Node loops' outstanding window, see
 * producerBufferBytes; the mapped acks) with as many records as the previous round's rate gives in `seconds`, so
 * rounds last about the same time and, after the first, measure a warm JVM.
 */
export async function openProducerPerformanceRounds(
  settings: KafkaSettings,
  run: NativeRun,
  acks: string,
  context: NativeToolContext,
): Promise<NativeRounds> {
  const classpath = await context.kafkaDistributionClasspath();
  const admin = new kafkajs.Kafka(kafkaConfig({ ...settings, clientId: "brokerlab-yardstick" })).admin();
  await admin.connect();
  await createBenchTopic(admin, run.name, run.partitions);
  const java = spawn("java", ["-Xmx512m", "-cp", classpath, DRIVER], { stdio: ["pipe", "pipe", "pipe"] });
  const output = new RoundOutput(java);
  let rate = FIRST_GUESS_MSG_PER_SEC;
  const bootstrap = settings.brokers.join(",");
  const bufferBytes = producerBufferBytes(run);
  return {
    notes: [
      `ProducerPerformance in rounds from one JVM, acks=${acks}, buffer.memory=${bufferBytes} (the loops' window of ${run.batchSize} × ${run.maxInflight} records), other Java producer defaults`,
    ],
    async round(seconds) {
      const records = Math.max(MIN_RECORDS, Math.round(rate * seconds));
      const args = [
        ...["--topic", run.name, "--num-records", String(records), "--record-size", String(run.messageSize)],
        ...["--throughput", "-1", "--producer-props", `bootstrap.servers=${bootstrap}`, `acks=${acks}`],
        `buffer.memory=${bufferBytes}`,
      ];
      java.stdin.write(`${args.join(" ")}\n`);
      const text = await output.nextRound(ROUND_TIMEOUT_MS);
      const measured = parseProducerPerformance(text);
      if (measured === undefined) throw new Error(`ProducerPerformance printed no summary: ${tail(text)}`);
      rate = measured;
      return Math.round(measured);
    },
    async close() {
      java.stdin.end();
      await output.exited(10_000);
      await admin.deleteTopics({ topics: [run.name] }).catch(() => {});
      await admin.disconnect();
    },
  };
}

/** The driver's output, cut at each ROUND_DONE line. */
class RoundOutput {
  private buffer = "";
  private waiting?: () => void;
  private closed = false;

  constructor(private readonly java: ChildProcessWithoutNullStreams) {
    const append = (chunk: Buffer) => {
      this.buffer += chunk.toString();
      this.waiting?.();
    };
    java.stdout.on("data", append);
    java.stderr.on("data", append);
    java.on("close", () => {
      this.closed = true;
      this.waiting?.();
    });
  }

  async nextRound(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf(`${ROUND_DONE}\n`);
      if (end >= 0) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + ROUND_DONE.length + 1);
        return text;
      }
      if (this.closed) throw new Error(`ProducerPerformance stopped: ${tail(this.buffer)}`);
      if (Date.now() > deadline) {
        this.java.kill("SIGTERM");
        throw new Error(`ProducerPerformance gave no result within ${timeoutMs / 1000} s`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async exited(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!this.closed) this.java.kill("SIGTERM");
  }
}

function tail(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ").slice(0, 300);
}
