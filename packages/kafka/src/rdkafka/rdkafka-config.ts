import { type DurabilityLevel, InvalidArgumentError } from "@brokerlab/messaging";
import type { ProducerGlobalConfig, ProducerTopicConfig } from "@confluentinc/kafka-javascript";
import { DEFAULT_CONNECTION_TIMEOUT_MS, type KafkaClientOptions } from "../options.js";
import { ACKS } from "../producer-options.js";

/**
 * How long librdkafka waits to fill a batch (its default is 5 ms; the Java client's was 0 until Kafka 4.0). A
 * `publish` resolves on acknowledgement, and callers keep a bounded number of publishes in flight, so this wait
 * is latency every publish pays and caps the rate at (records in flight) ÷ (linger + round trip); 1 ms still
 * batches the records of concurrent publishes together.
 */
export const LINGER_MS = 1;
/** A publish that librdkafka could not deliver in this long fails (its default is 5 minutes). */
export const MESSAGE_TIMEOUT_MS = 30_000;
/** Room for the 8 MiB records a topic made by this adapter accepts; the broker judges each topic's own limit. */
const MAX_REQUEST_BYTES = 9 * 1024 * 1024;

const SASL_MECHANISMS = {
  plain: "PLAIN",
  "scram-sha-256": "SCRAM-SHA-256",
  "scram-sha-512": "SCRAM-SHA-512",
};

/** librdkafka splits its settings into the client's (global) and the default topic's. */
export interface RdkafkaProducerConfig {
  readonly global: ProducerGlobalConfig;
  readonly topic: ProducerTopicConfig;
}

/**
 * The librdkafka producer configuration for these options at one durability level (acks is per producer in
 * librdkafka). `murmur2_random` puts keyed records where the Java client does; librdkafka's own default,
 * `consistent_random` (CRC32), does not, and is used only when asked for.
 */
export function rdkafkaProducerConfig(
  options: KafkaClientOptions,
  level: DurabilityLevel,
  batchBytes?: number,
): RdkafkaProducerConfig {
  return {
    global: {
      "bootstrap.servers": options.brokers.join(","),
      "client.id": options.clientId ?? "brokerlab",
      "enable.idempotence": options.idempotent === true,
      "socket.connection.setup.timeout.ms": Math.max(
        1000,
        options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      ),
      "allow.auto.create.topics": false,
      "message.max.bytes": MAX_REQUEST_BYTES,
      "linger.ms": LINGER_MS,
      dr_cb: true,
      ...(batchBytes === undefined ? {} : { "batch.size": batchBytes }),
      ...securityConfig(options),
    },
    topic: {
      partitioner: options.keyedPartitioning === "consistent-random" ? "consistent_random" : "murmur2_random",
      acks: ACKS[level],
      "message.timeout.ms": MESSAGE_TIMEOUT_MS,
    },
  };
}

export function securityConfig(options: KafkaClientOptions): ProducerGlobalConfig {
  const tls = options.ssl !== undefined && options.ssl !== false;
  const sasl = options.sasl;
  const protocol = sasl ? (tls ? "sasl_ssl" : "sasl_plaintext") : tls ? "ssl" : "plaintext";
  return {
    "security.protocol": protocol,
    ...(sasl
      ? {
          "sasl.mechanisms": SASL_MECHANISMS[sasl.mechanism],
          "sasl.username": sasl.username,
          "sasl.password": sasl.password,
        }
      : {}),
    ...(typeof options.ssl === "object" ? tlsConfig(options.ssl) : {}),
  };
}

/** The Node TLS options librdkafka has an equivalent for; any other one is refused rather than ignored. */
function tlsConfig(tls: Exclude<KafkaClientOptions["ssl"], boolean | undefined>): ProducerGlobalConfig {
  const supported = new Set(["ca", "cert", "key", "rejectUnauthorized"]);
  const unsupported = Object.keys(tls).filter((name) => !supported.has(name));
  if (unsupported.length > 0) {
    throw new InvalidArgumentError(
      `the librdkafka client takes the TLS options ca, cert, key and rejectUnauthorized only, not ${unsupported.join(", ")}`,
    );
  }
  return {
    ...(tls.ca === undefined ? {} : { "ssl.ca.pem": pem(tls.ca) }),
    ...(tls.cert === undefined ? {} : { "ssl.certificate.pem": pem(tls.cert) }),
    ...(tls.key === undefined ? {} : { "ssl.key.pem": pem(tls.key) }),
    ...(tls.rejectUnauthorized === false ? { "enable.ssl.certificate.verification": false } : {}),
  };
}

function pem(value: unknown): string {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (Buffer.isBuffer(item) ? item.toString("utf8") : String(item))).join("\n");
}
