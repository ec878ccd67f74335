import { randomBytes } from "node:crypto";

/** The payloads producers cycle through. */
export interface PayloadSource {
  readonly size: number;
  next(): Uint8Array;
}

export interface PayloadOptions {
  readonly messageSize: number;
  readonly useRandomizedPayloads: boolean;
  readonly randomBytesRatio: number;
  readonly randomizedPayloadPoolSize: number;
  /** A payload file's bytes: sent as they are, as OMB does. */
  readonly fileBytes?: Uint8Array;
}

/**
 * As OMB: randomized payloads are a pool of `messageSize` buffers whose first `randomBytesRatio` share is random
 * (the rest zero, so compression sees a realistic mix); otherwise the payload file, else one fixed buffer.
 */
export function createPayloads(options: PayloadOptions): PayloadSource {
  if (options.useRandomizedPayloads) {
    const randomPart = Math.round(options.messageSize * options.randomBytesRatio);
    const pool = Array.from({ length: options.randomizedPayloadPoolSize }, () => {
      const payload = new Uint8Array(options.messageSize);
      payload.set(randomBytes(randomPart));
      return payload;
    });
    let index = 0;
    return {
      size: options.messageSize,
      next: () => {
        const payload = pool[index] as Uint8Array;
        index = (index + 1) % pool.length;
        return payload;
      },
    };
  }
  const fixed = options.fileBytes ?? filler(options.messageSize);
  return { size: fixed.length, next: () => fixed };
}

/** Printable filler bytes so a payload is readable in broker tools. */
function filler(size: number): Uint8Array {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = alphabet.charCodeAt(i % alphabet.length);
  return bytes;
}
