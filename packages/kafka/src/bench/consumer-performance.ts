import type { NativeConsumerTool } from "@brokerlab/messaging";
import type { KafkaSettings } from "../kafka-settings.js";
import { parseConsumerPerformance } from "./native-output.js";

/**
 * Kafka's own ConsumerPerformance (Java consumer defaults: auto-commit every 5 s) reading the records the
 * yardstick filled the topic with, from the Kafka distribution's jars; its rate after the group join
 * (`fetch.nMsg.sec`), so the join and the JVM's start are not in it.
 */
export const consumerPerformance: NativeConsumerTool<KafkaSettings> = {
  name: "kafka ConsumerPerformance",
  async run(settings, run, context) {
    const classpath = await context.kafkaDistributionClasspath();
    const result = await context.runCommand(
      "java",
      [
        ...["-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance"],
        ...["--bootstrap-server", settings.brokers.join(","), "--topic", run.name],
        ...["--messages", String(run.records), "--group", `${run.name}-perf`, "--timeout", "30000"],
      ],
      (run.seconds + 120) * 1000,
    );
    const msgPerSec = parseConsumerPerformance(result.output, "fetch.nMsg.sec");
    if (msgPerSec === undefined) throw new Error(`ConsumerPerformance printed no summary: ${result.tail}`);
    const withJoin = parseConsumerPerformance(result.output);
    return {
      msgPerSec: Math.round(msgPerSec),
      notes: [
        `ConsumerPerformance: ${run.records} records, one JVM run after the rounds, rate after the group join` +
          (withJoin === undefined ? "" : ` (${Math.round(withJoin)} msg/s with it)`),
      ],
    };
  },
};
