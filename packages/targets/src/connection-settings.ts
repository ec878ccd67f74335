import type { KafkaProducerOptions } from "@brokerlab/kafka";
import { InvalidArgumentError } from "@brokerlab/messaging";

/** Where the brokers are. Every field has an environment variable; the README documents them in one table. */
export interface ConnectionSettings {
  readonly kafkaBrokers: string[];
  readonly kafkaSsl: boolean;
  readonly kafkaSasl?: {
    mechanism: "plain" | "scram-sha-256" | "scram-sha-512";
    username: string;
    password: string;
  };
  /** Producer options of the Kafka targets (unkeyed partitioning, idempotence); set in code, not the environment. */
  readonly kafkaProducer?: KafkaProducerOptions;
  readonly rabbitmqUrl: string;
  readonly redisUrl: string;
}

export const DEFAULT_SETTINGS: ConnectionSettings = {
  kafkaBrokers: ["127.0.0.1:9092"],
  kafkaSsl: false,
  rabbitmqUrl: "amqp://guest:guest@127.0.0.1:5672",
  redisUrl: "redis://127.0.0.1:6379",
};

type Env = Readonly<Record<string, string | undefined>>;

export function settingsFromEnv(env: Env = process.env): ConnectionSettings {
  const brokers = env.BROKERLAB_KAFKA_BROKERS?.split(",")
    .map((broker) => broker.trim())
    .filter(Boolean);
  const mechanism = env.BROKERLAB_KAFKA_SASL_MECHANISM ?? "plain";
  if (!["plain", "scram-sha-256", "scram-sha-512"].includes(mechanism)) {
    throw new InvalidArgumentError(
      `BROKERLAB_KAFKA_SASL_MECHANISM="${mechanism}" is not one of plain, scram-sha-256, scram-sha-512`,
    );
  }
  const username = env.BROKERLAB_KAFKA_SASL_USERNAME;
  return {
    kafkaBrokers: brokers?.length ? brokers : DEFAULT_SETTINGS.kafkaBrokers,
    kafkaSsl: env.BROKERLAB_KAFKA_SSL === "true",
    ...(username
      ? {
          kafkaSasl: {
            mechanism: mechanism as "plain" | "scram-sha-256" | "scram-sha-512",
            username,
            password: env.BROKERLAB_KAFKA_SASL_PASSWORD ?? "",
          },
        }
      : {}),
    rabbitmqUrl: env.BROKERLAB_RABBITMQ_URL || DEFAULT_SETTINGS.rabbitmqUrl,
    redisUrl: env.BROKERLAB_REDIS_URL || DEFAULT_SETTINGS.redisUrl,
  };
}
