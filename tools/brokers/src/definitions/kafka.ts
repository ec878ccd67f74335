import { join } from "node:path";
import { brokersText } from "../i18n/index.js";
import { readLayout, runningNodes, startKafkaCluster, stopKafkaDir } from "../kafka/kafka-cluster.js";
import { KAFKA_CLUSTER } from "../kafka/kafka-cluster-definition.js";
import { kafkaVersionInDir } from "../kafka/kafka-jars.js";
import { classpathDirs, findListener } from "../local-listener.js";
import { kafkaRoundTrip } from "../probes.js";
import { type BrokerSettings, isLocalHost, KAFKA_VERSION, parseHostPort } from "../settings.js";
import type { BrokerDefinition } from "./broker-definition.js";

/** The single node's folder (the cluster's is `cluster/kafka`). */
export function kafkaDir(settings: BrokerSettings): string {
  return join(settings.stateDir, "kafka");
}

const first = (settings: BrokerSettings) =>
  parseHostPort(settings.kafkaBrokers[0] ?? "", "BROKERLAB_KAFKA_BROKERS");

/** Apache Kafka in KRaft mode: one combined broker+controller, or the three-node cluster. */
export const KAFKA: BrokerDefinition = {
  name: "kafka",
  label: "Kafka",
  version: KAFKA_VERSION,
  addressVariable: "BROKERLAB_KAFKA_BROKERS",
  probeTimeoutMs: 15_000,
  address: first,
  display: (settings) => settings.kafkaBrokers.join(","),
  probe: (settings, timeoutMs) => kafkaRoundTrip(settings.kafkaBrokers, timeoutMs, settings.kafkaSecurity),
  /**
   * Kafka's protocol does not carry the release number: brokerlab's own or docker's is known; for a
   * broker on this machine, read it from the jar names on its JVM classpath.
   */
  versionOf(settings, owner) {
    if (owner.by) return readLayout(kafkaDir(settings))?.version ?? KAFKA_VERSION;
    const { host, port } = first(settings);
    if (!isLocalHost(host)) return undefined;
    const listener = findListener(port);
    if (!listener) return undefined;
    for (const dir of classpathDirs(listener.command)) {
      const version = kafkaVersionInDir(dir);
      if (version) return version;
    }
    return undefined;
  },
  async ownership(settings) {
    const dir = kafkaDir(settings);
    const running = await runningNodes(dir);
    if (!running.length) return { pids: [], logFiles: [] };
    return {
      by: "brokerlab native",
      pids: running.map((node) => node.pid),
      logFiles: running.map((node) => join(dir, `node-${node.nodeId}`, "kafka.log")),
    };
  },
  async startNative(address, context) {
    context.log(brokersText().progress.kafkaStartingOne(`${address.host}:${address.port}`));
    await startKafkaCluster({
      dir: kafkaDir(context.settings),
      brokers: 1,
      basePort: address.port,
      host: address.host === "localhost" || address.host === "0.0.0.0" ? "127.0.0.1" : address.host,
      heap: context.settings.kafkaHeap,
      cacheDir: context.settings.cacheDir,
      waitMs: context.waitMs,
      log: context.log,
    });
  },
  // startNative returns only once its round trip works.
  stillStarting: async () => true,
  async stopNative(settings) {
    await stopKafkaDir(kafkaDir(settings));
  },
  compose: { services: ["kafka"], profile: "kafka", port: 9092 },
  cluster: KAFKA_CLUSTER,
};
