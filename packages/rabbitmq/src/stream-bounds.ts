import type { ChannelModel } from "amqplib";
import { STREAM_OFFSET_HEADER } from "./amqp-message.js";

export interface StreamBounds {
  readonly first: number;
  readonly last: number;
}

/** How long to wait for deliveries when reading a stream's bounds. Waits, not promises about timing. */
const IDLE_MS = 300;
const EMPTY_MS = 1_000;
const MAX_MS = 5_000;

/**
 * The first and last offsets a stream holds, learnt by reading: over AMQP RabbitMQ reports no message
 * count for a stream (queue.declare-ok says 0), so a consumer at "first" reads one record and one at
 * "last" reads the last chunk until nothing more arrives. `undefined` when the stream is empty.
 * Offsets are contiguous and retention drops whole segments from the head, so last - first + 1 is the count.
 */
export async function readStreamBounds(
  model: ChannelModel,
  queue: string,
): Promise<StreamBounds | undefined> {
  const channel = await model.createChannel();
  channel.on("error", () => {});
  let first: number | undefined;
  let last: number | undefined;
  let lastArrival = Date.now();
  const started = Date.now();
  try {
    await channel.prefetch(1);
    await channel.consume(
      queue,
      (message) => {
        if (message && first === undefined)
          first = Number(message.properties.headers?.[STREAM_OFFSET_HEADER]);
      },
      { noAck: false, arguments: { [STREAM_OFFSET_HEADER]: "first" } },
    );
    await channel.prefetch(1_000);
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        const offset = Number(message.properties.headers?.[STREAM_OFFSET_HEADER]);
        last = last === undefined ? offset : Math.max(last, offset);
        lastArrival = Date.now();
        channel.ack(message);
      },
      { noAck: false, arguments: { [STREAM_OFFSET_HEADER]: "last" } },
    );
    for (;;) {
      const now = Date.now();
      if (first !== undefined && last !== undefined && now - lastArrival >= IDLE_MS) break;
      if (first === undefined && now - started >= EMPTY_MS) break;
      if (now - started >= MAX_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await channel.close().catch(() => {});
  }
  if (first === undefined || last === undefined) return undefined;
  return { first, last: Math.max(first, last) };
}
