import {
  ConnectionError,
  connectionCause,
  connectionCauseHint,
  InvalidArgumentError,
} from "@brokerlab/messaging";

/** `host:port` of an amqp:// or amqps:// URL, never its credentials. */
export function brokerAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError("the RabbitMQ url is not a URL; expected amqp://user:password@host:5672");
  }
  if (parsed.protocol !== "amqp:" && parsed.protocol !== "amqps:") {
    throw new InvalidArgumentError(
      `the RabbitMQ url must start with amqp:// or amqps:// (got ${parsed.protocol}//); e.g. amqp://guest:guest@127.0.0.1:5672`,
    );
  }
  const port = parsed.port || (parsed.protocol === "amqps:" ? "5671" : "5672");
  return `${parsed.hostname}:${port}`;
}

/** A failed first connection as one line: where, why, and what to try. */
export function connectionFailure(address: string, cause: unknown, timeoutMs: number): ConnectionError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (/ACCESS[-_]REFUSED|\b403\b/.test(message)) {
    return new ConnectionError(
      address,
      "RabbitMQ refused the user name or password in the url (note: guest/guest works only from localhost)",
      cause,
    );
  }
  if (/NOT[-_]ALLOWED|\b530\b/.test(message)) {
    return new ConnectionError(
      address,
      "the virtual host in the url does not exist or the user may not use it",
      cause,
    );
  }
  const socket = connectionCause(cause);
  if (socket !== undefined && socket !== "timeout") {
    return new ConnectionError(address, connectionCauseHint(socket, "RabbitMQ"), cause);
  }
  if (code === "BROKERLAB_TIMEOUT" || socket === "timeout") {
    return new ConnectionError(
      address,
      `no AMQP answer within ${timeoutMs} ms; is the address right and RabbitMQ running? try \`pnpm brokers up\``,
      cause,
    );
  }
  return new ConnectionError(address, "is RabbitMQ running? try `pnpm brokers up`", cause);
}
