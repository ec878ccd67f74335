import net from "node:net";
import tls from "node:tls";

/**
 * kafkajs turns a CreatePartitions refusal into a generic message and drops the text the broker sent
 * ("Topic currently has 6 partitions, which is higher than the requested 3."). To show the broker's own words,
 * this repeats the request once, validate-only, over a bare connection and reads the error message field.
 * Used only after a refusal; SASL connections are not supported here (the caller then keeps kafkajs' text).
 */
export async function createPartitionsRefusal(
  broker: { readonly host: string; readonly port: number },
  ssl: boolean | tls.ConnectionOptions | undefined,
  topic: string,
  count: number,
  timeoutMs = 3000,
): Promise<string | undefined> {
  const response = await roundTrip(broker, ssl, encodeRequest(topic, count, timeoutMs), timeoutMs);
  return decodeErrorMessage(response, topic);
}

const CREATE_PARTITIONS = 37;
const VERSION = 1;
const CORRELATION_ID = 1;
const CLIENT_ID = "brokerlab";

/** CreatePartitions v1 request (non-flexible): header v1, one topic, no assignments, validate_only = true. */
export function encodeRequest(topic: string, count: number, timeoutMs: number): Buffer {
  const name = Buffer.from(topic, "utf8");
  const client = Buffer.from(CLIENT_ID, "utf8");
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length + 4 + 2 + name.length + 4 + 4 + 4 + 1);
  let at = 0;
  at = body.writeInt16BE(CREATE_PARTITIONS, at);
  at = body.writeInt16BE(VERSION, at);
  at = body.writeInt32BE(CORRELATION_ID, at);
  at = body.writeInt16BE(client.length, at);
  at += client.copy(body, at);
  at = body.writeInt32BE(1, at);
  at = body.writeInt16BE(name.length, at);
  at += name.copy(body, at);
  at = body.writeInt32BE(count, at);
  at = body.writeInt32BE(-1, at);
  at = body.writeInt32BE(timeoutMs, at);
  body.writeInt8(1, at);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** Reads the error message for `topic` from a CreatePartitions v1 response body (after the size prefix). */
export function decodeErrorMessage(response: Buffer, topic: string): string | undefined {
  let at = 4 + 4; // correlation id, throttle time
  const results = response.readInt32BE(at);
  at += 4;
  for (let i = 0; i < results; i++) {
    const nameLength = response.readInt16BE(at);
    at += 2;
    const name = response.toString("utf8", at, at + nameLength);
    at += nameLength;
    const errorCode = response.readInt16BE(at);
    at += 2;
    const messageLength = response.readInt16BE(at);
    at += 2;
    const message = messageLength < 0 ? undefined : response.toString("utf8", at, at + messageLength);
    at += Math.max(0, messageLength);
    if (name === topic && errorCode !== 0) return message;
  }
  return undefined;
}

function roundTrip(
  broker: { readonly host: string; readonly port: number },
  ssl: boolean | tls.ConnectionOptions | undefined,
  request: Buffer,
  timeoutMs: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = ssl
      ? tls.connect({
          ...(typeof ssl === "object" ? ssl : {}),
          host: broker.host,
          port: broker.port,
          servername: broker.host,
        })
      : net.connect({ host: broker.host, port: broker.port });
    const chunks: Buffer[] = [];
    let received = 0;
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no answer from ${broker.host}:${broker.port}`)),
    );
    socket.on(ssl ? "secureConnect" : "connect", () => socket.write(request));
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      const all = Buffer.concat(chunks, received);
      if (all.length >= 4 && all.length >= 4 + all.readInt32BE(0)) {
        socket.end();
        resolve(all.subarray(4, 4 + all.readInt32BE(0)));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => reject(new Error("connection closed before the answer")));
  });
}
