import { type ErrorCode, isBrokerlabError, withTimeout } from "@brokerlab/messaging";
import { sleep } from "@brokerlab/testing/harness";
import type { AttemptOutcome } from "./history.js";

/** The notes' "failure and retry": each attempt bounded, retried with backoff until a deadline. */
export interface RetryPolicy {
  /** One attempt that has not resolved by then is abandoned as unknown. */
  readonly attemptTimeoutMs: number;
  /** No new attempt starts this long after the first one. */
  readonly deadlineMs: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** 1: the application never re-sends (the idempotent run, where retries are the client's own). */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attemptTimeoutMs: 5_000,
  deadlineMs: 12_000,
  initialBackoffMs: 100,
  maxBackoffMs: 1_000,
  maxAttempts: 20,
};

export interface AttemptRecord {
  readonly attempt: number;
  readonly start: number;
  readonly end: number;
  readonly outcome: AttemptOutcome;
  readonly error?: string;
}

/** A stable name for an error: the contract's code, else a broker protocol type, else the class name. */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const { code, type } = current as { code?: unknown; type?: unknown };
    if (typeof code === "string") return code;
    if (typeof type === "string") return type;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return error instanceof Error ? error.name : "non-error";
}

/**
 * `failed` only where nothing can have been stored: the adapter refused before sending (a bad argument, an
 * unsupported level, a missing topic, a closed client) or the broker answered no (a RabbitMQ nack). Timeouts, lost connections and protocol
 * errors after the client's own retries may have left the record stored: `unknown`, as Jepsen's :info.
 */
export function outcomeOf(error: unknown): AttemptOutcome {
  return isBrokerlabError(error) && NOTHING_STORED.has(error.code) ? "failed" : "unknown";
}

/** Contract codes that mean the record was not stored: refused before sending, or the broker said no. */
const NOTHING_STORED = new Set<ErrorCode>([
  "BROKERLAB_INVALID_ARGUMENT",
  "BROKERLAB_UNSUPPORTED_CAPABILITY",
  "BROKERLAB_NOT_FOUND",
  "BROKERLAB_CLOSED",
  "BROKERLAB_REJECTED",
]);

export function backoffMs(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, retry - 1));
}

/**
 * Publishes one record until an attempt resolves, the deadline passes or the attempts run out; reports each
 * attempt as it ends. Resolves true when the record was acknowledged.
 */
export async function publishWithRetry(
  publishOnce: () => Promise<unknown>,
  policy: RetryPolicy,
  now: () => number,
  onAttempt: (attempt: AttemptRecord) => void,
): Promise<boolean> {
  const first = now();
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    const start = now();
    try {
      await withTimeout(publishOnce(), policy.attemptTimeoutMs, "publish attempt");
      onAttempt({ attempt, start, end: now(), outcome: "ok" });
      return true;
    } catch (error) {
      onAttempt({ attempt, start, end: now(), outcome: outcomeOf(error), error: errorCode(error) });
    }
    const wait = backoffMs(attempt, policy);
    if (now() + wait - first > policy.deadlineMs) break;
    await sleep(wait);
  }
  return false;
}
