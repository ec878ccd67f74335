import type { DurabilityLevel, NativeTool } from "@brokerlab/messaging";
import kafkajs from "kafkajs";
import type { KafkaSettings } from "../kafka-settings.js";
import { kafkaConfig } from "../options.js";
import { ACKS } from "../producer-options.js";
import { createBenchTopic } from "./bench-topic.js";
import { parseConsumerPerformance, parseProducerPerformance } from "./native-output.js";
import { openProducerPerformanceRounds } from "./producer-performance-rounds.js";
import { producerBufferBytes } from "./producer-window.js";

/** The adapter's acks as the Java tools spell them (-1 is "all"). */
function toolAcks(level: DurabilityLevel): string {
  return ACKS[level] === -1 ? "all" : String(ACKS[level]);
}

/**
 * Kafka's own ProducerPerformance (Java producer defaults but for `buffer.memory`, the Node loops' outstanding
 * window, see producerBufferBytes; the mapped acks), then ConsumerPerformance reading the records back, both from
 * the Kafka distribution's jars. The topic is created and deleted with kafkajs.
 */
export const producerPerformance: NativeTool<KafkaSettings> = {
  name: "kafka ProducerPerformance",
  openRounds: (settings, run, context) =>
    openProducerPerformanceRounds(settings, run, toolAcks(run.durability), context),
  async run(settings, run, context) {
    const classpath = await context.kafkaDistributionClasspath();
    const bootstrap = settings.brokers.join(",");
    const admin = new kafkajs.Kafka(kafkaConfig({ ...settings, clientId: "brokerlab-yardstick" })).admin();
    await admin.connect();
    try {
      await createBenchTopic(admin, run.name, run.partitions);
      // Enough records for about `seconds` at the rates this machine class reaches; the tool reports its rate.
      const records = Math.max(100_000, run.seconds * 40_000);
      const acks = toolAcks(run.durability);
      const bufferBytes = producerBufferBytes(run);
      const producer = await context.runCommand(
        "java",
        [
          ...["-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance"],
          ...[
            "--topic",
            run.name,
            "--num-records",
            String(records),
            "--record-size",
            String(run.messageSize),
          ],
          ...["--throughput", "-1", "--producer-props", `bootstrap.servers=${bootstrap}`, `acks=${acks}`],
          `buffer.memory=${bufferBytes}`,
        ],
        180_000,
      );
      const msgPerSec = parseProducerPerformance(producer.output);
      if (msgPerSec === undefined)
        throw new Error(`ProducerPerformance printed no summary: ${producer.tail}`);
      const consumer = await context.runCommand(
        "java",
        [
          ...["-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance"],
          ...["--bootstrap-server", bootstrap, "--topic", run.name, "--messages", String(records)],
          ...["--group", `${run.name}-perf`, "--timeout", "30000"],
        ],
        120_000,
      );
      const consumed = parseConsumerPerformance(consumer.output);
      return {
        msgPerSec: Math.round(msgPerSec),
        notes: [
          `ProducerPerformance: ${records} records, acks=${acks}, buffer.memory=${bufferBytes} (the loops' window), other Java producer defaults`,
          consumed === undefined
            ? `ConsumerPerformance printed no summary: ${consumer.tail}`
            : `ConsumerPerformance read them back at ${Math.round(consumed)} msg/s (incl. group join)`,
        ],
      };
    } finally {
      await admin.deleteTopics({ topics: [run.name] }).catch(() => {});
      await admin.disconnect();
    }
  },
};
