/** What a failed connection's socket said, as one of the situations a person can act on. */
export type ConnectionCause =
  | "refused"
  | "unknown-host"
  | "timeout"
  | "tls-mismatch"
  | "tls-certificate"
  | "reset";

const CODES: Readonly<Record<string, ConnectionCause>> = {
  ECONNREFUSED: "refused",
  ENOTFOUND: "unknown-host",
  EAI_AGAIN: "unknown-host",
  EAI_NONAME: "unknown-host",
  ETIMEDOUT: "timeout",
  BROKERLAB_TIMEOUT: "timeout",
  ERR_SSL_WRONG_VERSION_NUMBER: "tls-mismatch",
  ERR_SSL_PACKET_LENGTH_TOO_LONG: "tls-mismatch",
  EPROTO: "tls-mismatch",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls-certificate",
  DEPTH_ZERO_SELF_SIGNED_CERT: "tls-certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "tls-certificate",
  CERT_HAS_EXPIRED: "tls-certificate",
  ERR_TLS_CERT_ALTNAME_INVALID: "tls-certificate",
  ECONNRESET: "reset",
  EPIPE: "reset",
};

/** Node's and OpenSSL's wording where a client library dropped the code and kept only the message. */
const MESSAGES: readonly [RegExp, ConnectionCause][] = [
  [/ECONNREFUSED/, "refused"],
  [/ENOTFOUND|EAI_AGAIN/, "unknown-host"],
  [/wrong version number|packet length too long|ssl3_get_record|SSL routines/i, "tls-mismatch"],
  [/certificate|self[- ]signed/i, "tls-certificate"],
  [/ECONNRESET|socket hang up|EPIPE/, "reset"],
  [/ETIMEDOUT|timed? ?out/i, "timeout"],
];

/**
 * Reads the socket's verdict out of a client library's error, following the wrappers libraries put around it
 * (`cause`, kafkajs' `originalError`, aggregates' `errors`). Undefined when nothing known is in there.
 */
export function connectionCause(error: unknown): ConnectionCause | undefined {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, originalError, errors } = current as Record<string, unknown>;
    if (typeof code === "string" && CODES[code]) return CODES[code];
    if (typeof message === "string") {
      const match = MESSAGES.find(([pattern]) => pattern.test(message));
      if (match) return match[1];
    }
    pending.push(cause, originalError, ...(Array.isArray(errors) ? errors : []));
  }
  return undefined;
}

/**
 * The hint a ConnectionError gives for a cause: what it means and what to try, in one clause. With `tls`, a
 * silence or a hang-up during the handshake is the plaintext port's doing: a plaintext server waits for a
 * request the TLS hello never completes, or drops it.
 */
export function connectionCauseHint(cause: ConnectionCause, broker: string, tls = false): string {
  if (tls && (cause === "timeout" || cause === "reset")) {
    return "the TLS handshake got no answer: the port seems to speak plaintext; connect without TLS or use the broker's TLS port";
  }
  switch (cause) {
    case "refused":
      return `nothing is listening there (connection refused); is ${broker} running? try \`pnpm brokers up\``;
    case "unknown-host":
      return "the host name does not resolve; check the address";
    case "timeout":
      return `no answer in time; check the address and that ${broker} is running (\`pnpm brokers up\`)`;
    case "tls-mismatch":
      return "the TLS handshake failed: the port seems to speak plaintext; connect without TLS or use the broker's TLS port";
    case "tls-certificate":
      return "the broker's TLS certificate was not accepted; give its CA certificate or fix the host name";
    case "reset":
      return `${broker} closed the connection at once; a TLS client on a plaintext port (or the reverse) does this`;
  }
}
