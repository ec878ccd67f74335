import type { NativeConsumerTool, NativeTool } from "@brokerlab/messaging";
import amqplib from "amqplib";
import type { RabbitMqTarget } from "../capabilities.js";
import { QUEUE_TYPE } from "../queue-arguments.js";
import type { RabbitMqSettings } from "../rabbitmq-settings.js";
import { parsePerfTest } from "./native-output.js";

export const PERF_TEST_VERSION = "2.22.1";

/** RabbitMQ PerfTest (from Maven Central): one persistent producer, no consumer, the adapter's confirm window. */
export function perfTest(target: RabbitMqTarget): NativeTool<RabbitMqSettings> {
  const type = QUEUE_TYPE[target];
  return {
    name: `PerfTest ${PERF_TEST_VERSION}`,
    async run(settings, run, context) {
      const classpath = await context.mavenClasspath(`com.rabbitmq:perf-test:${PERF_TEST_VERSION}`);
      const confirmWindow = run.batchSize * run.maxInflight;
      const args = [
        ...["-Xmx512m", "-cp", classpath, "com.rabbitmq.perf.PerfTest", "--uri", settings.url],
        ...["--queue", run.name, "--queue-args", `x-queue-type=${type}`, "--auto-delete", "false"],
        ...["--flag", "persistent", "--producers", "1", "--consumers", "0"],
        ...["--size", String(run.messageSize), "--time", String(run.seconds)],
        ...(run.durability === "none" ? [] : ["--confirm", String(confirmWindow)]),
      ];
      try {
        const result = await context.runCommand("java", args, (run.seconds + 60) * 1000);
        const msgPerSec = parsePerfTest(result.output);
        if (msgPerSec === undefined) throw new Error(`PerfTest printed no summary: ${result.tail}`);
        const confirms = run.durability === "none" ? "no confirms" : `confirm window ${confirmWindow}`;
        return {
          msgPerSec: Math.round(msgPerSec),
          notes: [`PerfTest: 1 producer, persistent, ${confirms}, ${type} queue`],
        };
      } finally {
        const connection = await amqplib.connect(settings.url);
        const channel = await connection.createChannel();
        await channel.deleteQueue(run.name).catch(() => {});
        await connection.close().catch(() => {});
      }
    },
  };
}

/**
 * PerfTest consumer-only (`--producers 0`) on the queue the yardstick filled, until it has consumed all of it:
 * one consumer, the adapter's prefetch as `--qos`, PerfTest's own acks (one per message); a stream is read
 * from its first record.
 */
export function perfTestConsumer(target: RabbitMqTarget): NativeConsumerTool<RabbitMqSettings> {
  const stream = target === "rabbitmq-stream";
  return {
    name: `PerfTest ${PERF_TEST_VERSION} consumer`,
    async run(settings, run, context) {
      const classpath = await context.mavenClasspath(`com.rabbitmq:perf-test:${PERF_TEST_VERSION}`);
      const args = [
        ...["-Xmx512m", "-cp", classpath, "com.rabbitmq.perf.PerfTest", "--uri", settings.url],
        ...["--queue", run.name, "--predeclared", "--producers", "0", "--consumers", "1"],
        // It stops once its consumer has them all; the time is only a bound.
        ...[
          "--qos",
          String(run.prefetch),
          "--cmessages",
          String(run.records),
          "--time",
          String(run.seconds * 10),
        ],
        ...(stream ? ["--consumer-args", "x-stream-offset=first"] : []),
      ];
      const result = await context.runCommand("java", args, (run.seconds + 60) * 1000);
      const msgPerSec = parsePerfTest(result.output, "receiving");
      if (msgPerSec === undefined) throw new Error(`PerfTest printed no summary: ${result.tail}`);
      return {
        msgPerSec: Math.round(msgPerSec),
        notes: [
          `PerfTest: 1 consumer, --qos ${run.prefetch}, an ack per message (its default), the ${run.records} records filled before`,
        ],
      };
    },
  };
}
