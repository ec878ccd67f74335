import { BROKERS, brokerAddress, kafkaDir, LABELS, ownership } from "./brokers.js";
import { type BrokerName, composeRemove, readDockerRecord, writeDockerRecord } from "./docker.js";
import { stopKafkaDir } from "./kafka/kafka-cluster.js";
import { stopRabbitMq } from "./native/rabbitmq-native.js";
import { stopRedis } from "./native/redis-native.js";
import { type BrokerSettings, settingsFromEnv, urlHostPort } from "./settings.js";

/** Stops what `up` started and nothing else; returns one line per broker. */
export async function down(
  settings: BrokerSettings = settingsFromEnv(),
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const lines: string[] = [];
  for (const broker of BROKERS) {
    const owner = await ownership(broker, settings);
    const label = LABELS[broker];
    const address = brokerAddress(broker, settings, owner.brokers ?? 1);
    if (owner.by === "brokerlab native") {
      log(
        `${label}: stopping ${owner.pids.length > 1 ? `${owner.pids.length} brokers` : `pid ${owner.pids[0]}`}…`,
      );
      await stopNative(broker, settings);
      lines.push(`${label}: stopped (brokerlab native, ${address})`);
    } else if (owner.by === "docker") {
      const record = readDockerRecord(settings.stateDir);
      const entry = record[broker];
      if (entry) await composeRemove(entry.services, entry.profile ? [entry.profile] : []);
      delete record[broker];
      writeDockerRecord(settings.stateDir, record);
      lines.push(`${label}: stopped (docker ${entry?.services.join(" ")})`);
    } else {
      lines.push(`${label}: not started by brokerlab; left as it is (${address})`);
    }
  }
  return lines;
}

async function stopNative(broker: BrokerName, settings: BrokerSettings): Promise<void> {
  switch (broker) {
    case "kafka":
      await stopKafkaDir(kafkaDir(settings));
      return;
    case "redis":
      await stopRedis(settings.stateDir);
      return;
    case "rabbitmq":
      await stopRabbitMq(settings.stateDir, urlHostPort(settings.rabbitmqUrl, "BROKERLAB_RABBITMQ_URL").port);
      return;
  }
}
