import { InvalidArgumentError } from "./errors.js";
import type { MessageRecord } from "./record.js";

/**
 * What every target refuses alike before anything reaches the broker: an empty or non-string topic name, and
 * records whose fields are not what `MessageRecord` says (callers in plain JavaScript or with `as` casts can
 * pass anything). Names a broker forbids beyond this (length, alphabet) each adapter checks itself.
 * Plain loops, no allocation per record: this runs on every publish.
 */
export function checkRecords(topic: unknown, records: unknown): asserts records is readonly MessageRecord[] {
  checkTopicName(topic);
  if (!Array.isArray(records)) {
    throw new InvalidArgumentError(`records must be an array of records (got ${describe(records)})`);
  }
  for (let index = 0; index < records.length; index++) {
    const record: unknown = records[index];
    if (typeof record !== "object" || record === null) {
      throw invalid(topic, index, `must be an object with a binary value (got ${describe(record)})`);
    }
    const { key, value, headers, timestamp } = record as Partial<Record<keyof MessageRecord, unknown>>;
    if (!(value instanceof Uint8Array)) {
      throw invalid(
        topic,
        index,
        `value must be binary, a Uint8Array or Buffer (got ${describe(value)}); encode text with Buffer.from(text)`,
      );
    }
    if (key !== undefined && key !== null && typeof key !== "string") {
      throw invalid(topic, index, `key must be a string or null (got ${describe(key)})`);
    }
    if (headers !== undefined) checkHeaders(topic, index, headers);
    if (
      timestamp !== undefined &&
      (typeof timestamp !== "number" || !Number.isFinite(timestamp) || timestamp < 0)
    ) {
      throw invalid(
        topic,
        index,
        `timestamp must be milliseconds since the epoch (got ${describe(timestamp)})`,
      );
    }
  }
}

/** A topic name every target could use at all: a non-empty string. */
export function checkTopicName(topic: unknown): asserts topic is string {
  if (typeof topic !== "string" || topic.length === 0) {
    throw new InvalidArgumentError(`a topic name must be a non-empty string (got ${describe(topic)})`);
  }
}

function checkHeaders(topic: string, index: number, headers: unknown): void {
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw invalid(topic, index, `headers must be an object of strings (got ${describe(headers)})`);
  }
  const table = headers as Record<string, unknown>;
  for (const name in table) {
    if (typeof table[name] !== "string") {
      throw invalid(topic, index, `header "${name}" must be a string (got ${describe(table[name])})`);
    }
  }
}

function invalid(topic: string, index: number, problem: string): InvalidArgumentError {
  return new InvalidArgumentError(`record ${index} published to "${topic}": ${problem}`);
}

/** What was passed instead, without its content (a value may hold anything, secrets included). */
function describe(value: unknown): string {
  if (value === "") return 'an empty string ""';
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a value of type ${typeof value}`;
}
