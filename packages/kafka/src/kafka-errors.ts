import {
  ConnectionError,
  connectionCause,
  connectionCauseHint,
  InvalidArgumentError,
  isBrokerlabError,
  NotFoundError,
} from "@brokerlab/messaging";

/**
 * kafkajs errors carry a protocol error type (e.g. INVALID_PARTITIONS), sometimes wrapped in a retry error
 * (`originalError`) or an aggregate of per-topic errors (`errors`).
 */
export function protocolErrorType(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const { type, originalError, errors } = current as {
      type?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    if (typeof type === "string") return type;
    current = originalError ?? (Array.isArray(errors) ? errors[0] : undefined) ?? current.cause;
  }
  return undefined;
}

/** The broker could not be reached at all (refused, closed, timed out), possibly after kafkajs' retries. */
export function isConnectionLoss(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (/^KafkaJS(Connection|ConnectionClosed|BrokerNotFound|RequestTimeout)Error$/.test(current.name))
      return true;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return false;
}

export function isRetriable(error: unknown): boolean {
  return error instanceof Error && (error as { retriable?: unknown }).retriable === true;
}

/**
 * kafkajs answers a metadata request with null when every broker's request failed (BrokerPool.withBroker), and its
 * admin then throws a TypeError reading `topicMetadata`. That is a transient failure like a request timeout, so it
 * becomes a retriable error that says so.
 */
export function retriableWhenNoBrokerAnswered(error: unknown): never {
  if (error instanceof TypeError && error.message.includes("topicMetadata")) {
    throw Object.assign(new Error("no Kafka broker answered the metadata request", { cause: error }), {
      retriable: true,
    });
  }
  throw error;
}

/** Runs a kafkajs call again when it fails with an error kafkajs marks retriable (coordinator moving, leader election). */
export async function retrying<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isRetriable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/** Kafka is told not to create topics on the fly (allowAutoTopicCreation false): a missing one is refused. */
export function missingTopic(topic: string, address: string): NotFoundError {
  return new NotFoundError(topic, address);
}

/** What an unreachable or refusing broker becomes: one line with the address and what to do. */
export function connectionFailure(address: string, error: unknown): Error {
  if (isBrokerlabError(error) && error.code !== "BROKERLAB_TIMEOUT") return error;
  const name = error instanceof Error ? error.name : "";
  if (name.includes("SASL") || /SASL|authentication/i.test(error instanceof Error ? error.message : "")) {
    return new ConnectionError(
      address,
      "Kafka refused the SASL login; check the mechanism, username and password",
      error,
    );
  }
  const socket = connectionCause(error);
  const hint =
    socket === undefined
      ? "is Kafka running? start the local brokers with `pnpm brokers up`"
      : connectionCauseHint(socket, "Kafka");
  return new ConnectionError(address, hint, error);
}

export function tooLarge(topic: string): InvalidArgumentError {
  return new InvalidArgumentError(
    `a record is larger than topic "${topic}" accepts (max.message.bytes or segment.bytes); use smaller records or raise the topic's limits`,
  );
}
