import { join } from "node:path";
import { type BrokerName, readDockerRecord } from "./docker.js";
import { readLayout, runningNodes } from "./kafka/kafka-cluster.js";
import { kafkaNodes } from "./kafka/kafka-config.js";
import { kafkaVersionInDir } from "./kafka/kafka-jars.js";
import { classpathDirs, findListener } from "./local-listener.js";
import { managedRabbitMqPid, rabbitMqLogFiles } from "./native/rabbitmq-native.js";
import { managedRedisPid, redisLogFile } from "./native/redis-native.js";
import { kafkaRoundTrip, type ProbeResult, rabbitMqRoundTrip, reason, redisRoundTrip } from "./probes.js";
import { type BrokerSettings, isLocalHost, KAFKA_VERSION, parseHostPort, urlHostPort } from "./settings.js";

export const BROKERS: readonly BrokerName[] = ["kafka", "rabbitmq", "redis"];
export const LABELS: Record<BrokerName, string> = { kafka: "Kafka", rabbitmq: "RabbitMQ", redis: "Redis" };

export type ManagedBy = "brokerlab native" | "docker" | "external";

/** Who runs a broker as far as brokerlab knows, before asking the broker anything. */
export interface Ownership {
  readonly by?: "brokerlab native" | "docker";
  readonly pids: number[];
  readonly logFiles: string[];
  /** Kafka: brokers in brokerlab's own cluster. */
  readonly brokers?: number;
}

export function kafkaDir(settings: BrokerSettings): string {
  return join(settings.stateDir, "kafka");
}

export async function ownership(broker: BrokerName, settings: BrokerSettings): Promise<Ownership> {
  const docker = readDockerRecord(settings.stateDir)[broker];
  switch (broker) {
    case "kafka": {
      const dir = kafkaDir(settings);
      const running = await runningNodes(dir);
      const logFiles = running.map((node) => join(dir, `node-${node.nodeId}`, "kafka.log"));
      if (running.length) {
        return {
          by: "brokerlab native",
          pids: running.map((node) => node.pid),
          logFiles,
          brokers: readLayout(dir)?.brokers ?? running.length,
        };
      }
      return docker
        ? { by: "docker", pids: [], logFiles: [], brokers: docker.services.length }
        : { pids: [], logFiles: [] };
    }
    case "redis": {
      const pid = await managedRedisPid(settings.stateDir);
      if (pid) return { by: "brokerlab native", pids: [pid], logFiles: [redisLogFile(settings.stateDir)] };
      return docker ? { by: "docker", pids: [], logFiles: [] } : { pids: [], logFiles: [] };
    }
    case "rabbitmq": {
      const pid = await managedRabbitMqPid(settings.stateDir);
      const port = urlHostPort(settings.rabbitmqUrl, "BROKERLAB_RABBITMQ_URL").port;
      if (pid)
        return { by: "brokerlab native", pids: [pid], logFiles: rabbitMqLogFiles(settings.stateDir, port) };
      return docker ? { by: "docker", pids: [], logFiles: [] } : { pids: [], logFiles: [] };
    }
  }
}

/** The addresses clients use for a broker (Kafka: every node of brokerlab's own cluster). */
export function brokerAddress(broker: BrokerName, settings: BrokerSettings, kafkaBrokers = 1): string {
  switch (broker) {
    case "kafka": {
      if (kafkaBrokers > 1) {
        const first = parseHostPort(settings.kafkaBrokers[0] ?? "", "BROKERLAB_KAFKA_BROKERS");
        return kafkaNodes(first.port, kafkaBrokers, first.host)
          .map((node) => `${node.host}:${node.port}`)
          .join(",");
      }
      return settings.kafkaBrokers.join(",");
    }
    case "rabbitmq": {
      const { host, port } = urlHostPort(settings.rabbitmqUrl, "BROKERLAB_RABBITMQ_URL");
      return `${host}:${port}`;
    }
    case "redis": {
      const { host, port } = urlHostPort(settings.redisUrl, "BROKERLAB_REDIS_URL");
      return `${host}:${port}`;
    }
  }
}

/** One real round trip with the broker's own client. */
export function probe(
  broker: BrokerName,
  settings: BrokerSettings,
  timeoutMs?: number,
): Promise<ProbeResult> {
  switch (broker) {
    case "kafka":
      return kafkaRoundTrip(settings.kafkaBrokers, timeoutMs, settings.kafkaSecurity);
    case "rabbitmq":
      return rabbitMqRoundTrip(settings.rabbitmqUrl, timeoutMs);
    case "redis":
      return redisRoundTrip(settings.redisUrl, timeoutMs);
  }
}

/**
 * Repeats `probe` until it succeeds or `timeoutMs` passes; `stillStarting` lets a caller stop early when
 * the process it started has died. Throws the last failure's reason.
 */
export async function waitForRoundTrip(
  attempt: () => Promise<ProbeResult>,
  timeoutMs: number,
  stillStarting: () => boolean | Promise<boolean> = () => true,
): Promise<ProbeResult> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      last = reason(error);
    }
    if (Date.now() > deadline)
      throw new Error(`no round trip within ${Math.round(timeoutMs / 1000)} s: ${last}`);
    if (!(await stillStarting())) throw new Error(`the process exited (${last})`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Kafka's version: brokerlab's own or docker's is known; for a broker on this machine, read it from the
 * jar names on its JVM classpath. Kafka's protocol does not carry the release number.
 */
export function kafkaVersion(settings: BrokerSettings, owner: Ownership): string | undefined {
  if (owner.by) return readLayout(kafkaDir(settings))?.version ?? KAFKA_VERSION;
  const { host, port } = parseHostPort(settings.kafkaBrokers[0] ?? "", "BROKERLAB_KAFKA_BROKERS");
  if (!isLocalHost(host)) return undefined;
  const listener = findListener(port);
  if (!listener) return undefined;
  for (const dir of classpathDirs(listener.command)) {
    const version = kafkaVersionInDir(dir);
    if (version) return version;
  }
  return undefined;
}
