import type { TargetId } from "./targets.js";

/** Stable codes: match on `code`, not on class or message. */
export type ErrorCode =
  | "BROKERLAB_CONNECTION_FAILED"
  | "BROKERLAB_INVALID_ARGUMENT"
  | "BROKERLAB_UNSUPPORTED_CAPABILITY"
  | "BROKERLAB_TIMEOUT"
  | "BROKERLAB_NOT_REPLICATED"
  | "BROKERLAB_NOT_FOUND"
  | "BROKERLAB_CLOSED"
  | "BROKERLAB_REJECTED";

export class BrokerlabError extends Error {
  readonly code: ErrorCode;
  /** A user mistake (bad flag, unreachable address) that CLIs print as one line, without a stack. */
  readonly userFacing: boolean;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; userFacing?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userFacing = options?.userFacing ?? true;
  }
}

/**
 * One line: the address and the hint (the likely cause and what to try). The client library's own message,
 * often several lines of Node or OpenSSL wording, stays in `cause`, for BROKERLAB_DEBUG output.
 */
export class ConnectionError extends BrokerlabError {
  readonly address: string;

  constructor(address: string, hint: string, cause?: unknown) {
    super("BROKERLAB_CONNECTION_FAILED", `cannot reach ${address}: ${hint}`, { cause });
    this.address = address;
  }
}

export class InvalidArgumentError extends BrokerlabError {
  constructor(message: string) {
    super("BROKERLAB_INVALID_ARGUMENT", message);
  }
}

export class UnsupportedCapabilityError extends BrokerlabError {
  readonly target: TargetId;
  readonly capability: string;

  constructor(target: TargetId, capability: string, reason: string) {
    super("BROKERLAB_UNSUPPORTED_CAPABILITY", `${target} does not support ${capability}: ${reason}`);
    this.target = target;
    this.capability = capability;
  }
}

export class TimeoutError extends BrokerlabError {
  constructor(what: string, ms: number) {
    super("BROKERLAB_TIMEOUT", `${what} did not finish within ${ms} ms`);
  }
}

/**
 * A `replicated` publish whose write the broker stored but could not show copied in time: the outcome is
 * unknown, not lost (the record may still be on the leader or primary, and may or may not survive a failover).
 */
export class NotReplicatedError extends BrokerlabError {
  readonly target: TargetId;

  constructor(target: TargetId, detail: string) {
    super("BROKERLAB_NOT_REPLICATED", `${target}: the publish was not replicated in time: ${detail}`, {
      userFacing: false,
    });
    this.target = target;
  }
}

/**
 * The topic or queue a publish, subscription or inspection names was never created (or was deleted). No target
 * creates one on the fly: a record sent there would be stored where nobody reads, or nowhere.
 */
export class NotFoundError extends BrokerlabError {
  readonly topic: string;

  constructor(topic: string, address: string) {
    super("BROKERLAB_NOT_FOUND", `topic "${topic}" does not exist at ${address}; create it with createTopic`);
    this.topic = topic;
  }
}

/** The client was closed: nothing it is asked afterwards reaches the broker. */
export class ClosedError extends BrokerlabError {
  readonly target: TargetId;

  constructor(target: TargetId, address: string) {
    super("BROKERLAB_CLOSED", `the ${target} client for ${address} is closed; create a new client`, {
      userFacing: false,
    });
    this.target = target;
  }
}

/**
 * The broker answered a publish and refused to store it (RabbitMQ basic.nack, a Kafka error response, Redis
 * out of memory): the records are not stored; publishing them again later may succeed.
 */
export class PublishRejectedError extends BrokerlabError {
  readonly topic: string;

  constructor(topic: string, reason: string, cause?: unknown) {
    super("BROKERLAB_REJECTED", `the broker refused records published to "${topic}": ${reason}`, {
      cause,
      userFacing: false,
    });
    this.topic = topic;
  }
}

export function isBrokerlabError(error: unknown): error is BrokerlabError {
  return error instanceof BrokerlabError;
}
