import type { TargetId } from "./targets.js";

/** Stable codes: match on `code`, not on class or message. */
export type ErrorCode =
  | "BROKERLAB_CONNECTION_FAILED"
  | "BROKERLAB_INVALID_ARGUMENT"
  | "BROKERLAB_UNSUPPORTED_CAPABILITY"
  | "BROKERLAB_TIMEOUT"
  | "BROKERLAB_NOT_REPLICATED";

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

export class ConnectionError extends BrokerlabError {
  readonly address: string;

  constructor(address: string, hint: string, cause?: unknown) {
    const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : "";
    super("BROKERLAB_CONNECTION_FAILED", `cannot reach ${address}${reason}: ${hint}`, { cause });
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

export function isBrokerlabError(error: unknown): error is BrokerlabError {
  return error instanceof BrokerlabError;
}
