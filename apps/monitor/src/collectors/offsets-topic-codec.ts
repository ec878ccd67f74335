/**
 * Decodes `__consumer_offsets` records (the group coordinator's own schemas, key and value each led by an int16
 * version). Key versions 0 and 1 are offset commits (group, topic, partition); version 2 is group metadata, which
 * the monitor does not need. Offset-commit values: v0 (offset, metadata, commit time), v1 (+ expire time), v2
 * (as v0), v3 (+ leader epoch after the offset), v4 (v3 as a flexible version: compact metadata string).
 */
export type OffsetsTopicRecord =
  | {
      readonly type: "commit";
      readonly group: string;
      readonly topic: string;
      readonly partition: number;
      readonly offset: number;
      readonly commitTimestamp: number;
    }
  | { readonly type: "deleted"; readonly group: string; readonly topic: string; readonly partition: number }
  | { readonly type: "other" };

export class OffsetsTopicDecodeError extends Error {}

class Reader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  int16(): number {
    this.need(2);
    const value = this.buffer.readInt16BE(this.at);
    this.at += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return value;
  }

  int64(): number {
    this.need(8);
    const value = Number(this.buffer.readBigInt64BE(this.at));
    this.at += 8;
    return value;
  }

  string(): string {
    const length = this.int16();
    return length < 0 ? "" : this.bytes(length);
  }

  /** Unsigned varint length + 1 (0 = null). */
  compactString(): string {
    let length = 0;
    let shift = 0;
    for (;;) {
      this.need(1);
      const byte = this.buffer[this.at++] as number;
      length |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
    }
    return length <= 1 ? "" : this.bytes(length - 1);
  }

  private bytes(length: number): string {
    this.need(length);
    const text = this.buffer.toString("utf8", this.at, this.at + length);
    this.at += length;
    return text;
  }

  private need(count: number): void {
    if (this.at + count > this.buffer.length) throw new OffsetsTopicDecodeError("record ends early");
  }
}

export function decodeOffsetsTopicRecord(key: Buffer | null, value: Buffer | null): OffsetsTopicRecord {
  if (!key) return { type: "other" };
  const keyReader = new Reader(key);
  const keyVersion = keyReader.int16();
  if (keyVersion !== 0 && keyVersion !== 1) return { type: "other" };
  const group = keyReader.string();
  const topic = keyReader.string();
  const partition = keyReader.int32();
  if (!value || value.length === 0) return { type: "deleted", group, topic, partition };
  const reader = new Reader(value);
  const version = reader.int16();
  if (version < 0 || version > 4) throw new OffsetsTopicDecodeError(`offset commit value version ${version}`);
  const offset = reader.int64();
  if (version >= 3) reader.int32();
  if (version === 4) reader.compactString();
  else reader.string();
  const commitTimestamp = reader.int64();
  return { type: "commit", group, topic, partition, offset, commitTimestamp };
}
