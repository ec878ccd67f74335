import { ConnectionError, InvalidArgumentError, NotFoundError } from "@brokerlab/messaging";

/** A failed queue operation as one line: a missing or differently configured queue is the caller's mistake. */
export function topicFailure(topic: string, address: string, error: unknown): Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 404) return new NotFoundError(topic, address);
  if (code === 406) {
    const reason = /with message "(.*)"/.exec(message)?.[1] ?? message;
    return new InvalidArgumentError(
      `topic "${topic}" already exists with other settings (${reason}); delete it or create it with the same options`,
    );
  }
  if (/(Channel|Connection) closed/i.test(message)) {
    return new ConnectionError(address, "the connection was lost during the operation; try again", error);
  }
  return error instanceof Error ? error : new Error(message);
}
