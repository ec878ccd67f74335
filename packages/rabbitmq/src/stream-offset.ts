import { InvalidArgumentError, type StartPosition } from "@brokerlab/messaging";

/** The value of the `x-stream-offset` consumer argument, encoded the way amqplib writes typed table values. */
export type StreamOffsetArgument =
  | "first"
  | "next"
  | { readonly "!": "long"; readonly value: number }
  | { readonly "!": "timestamp"; readonly value: number };

/**
 * How far before a requested time the broker is asked to seek. The broker stamps chunks with its own clock
 * (Erlang system time), which can trail the OS clock the producers stamp records with: right after a
 * machine boots it was 15 s behind here, and a seek on the broker's clock then skipped records the contract
 * promises. Seeking earlier and skipping by the records' own timestamps gives the same answer either way.
 */
export const TIMESTAMP_SEEK_MARGIN_MS = 60_000;

/**
 * Where a stream consumer starts. `latest` is "next" (only records published from now on), not "last",
 * which would replay the whole last chunk. A timestamp is whole seconds on the wire and the broker seeks
 * to a chunk, so the seek starts a margin earlier and the subscription skips the earlier records itself.
 */
export function streamOffsetArgument(from: StartPosition): StreamOffsetArgument {
  switch (from.kind) {
    case "earliest":
      return "first";
    case "latest":
      return "next";
    case "position":
      return { "!": "long", value: offsetNumber(from.position.offset) };
    case "timestamp":
      return { "!": "timestamp", value: Math.floor((from.timestamp - TIMESTAMP_SEEK_MARGIN_MS) / 1000) };
    case "committed":
      throw new InvalidArgumentError("a stream over AMQP keeps no committed offsets");
  }
}

/** A stream offset parsed from a position's text. */
export function offsetNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`"${text}" is not a stream offset (a whole number such as 42)`);
  }
  return value;
}
