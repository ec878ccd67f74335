import { describe, expect, it } from "vitest";
import { checkRecords, checkTopicName } from "./check-records.js";
import { InvalidArgumentError } from "./errors.js";

const value = Buffer.from("v");

function refusal(call: () => void): InvalidArgumentError {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("expected an InvalidArgumentError");
}

describe("checkRecords", () => {
  it("accepts records as the contract describes them, binary values of any Uint8Array kind", () => {
    expect(() =>
      checkRecords("orders", [
        { value },
        { key: "k", value: new Uint8Array([1, 2]), headers: { a: "b" }, timestamp: 1 },
        { key: null, value: new Uint8Array(0) },
      ]),
    ).not.toThrow();
    expect(() => checkRecords("orders", [])).not.toThrow();
  });

  it("refuses an empty or non-string topic name", () => {
    expect(refusal(() => checkRecords("", [{ value }])).message).toBe(
      'a topic name must be a non-empty string (got an empty string "")',
    );
    expect(refusal(() => checkTopicName(42)).code).toBe("BROKERLAB_INVALID_ARGUMENT");
  });

  it("refuses a text value, naming the record and the fix but not the value", () => {
    const error = refusal(() => checkRecords("orders", [{ value }, { value: "secret-text" }]));
    expect(error.message).toBe(
      'record 1 published to "orders": value must be binary, a Uint8Array or Buffer (got a value of type string); encode text with Buffer.from(text)',
    );
    expect(error.message).not.toContain("secret-text");
  });

  it("refuses keys, headers and timestamps of the wrong kind", () => {
    expect(refusal(() => checkRecords("t", [{ value, key: 7 }])).message).toContain(
      "key must be a string or null",
    );
    expect(refusal(() => checkRecords("t", [{ value, headers: { n: 1 } }])).message).toContain(
      'header "n" must be a string (got 1)',
    );
    expect(refusal(() => checkRecords("t", [{ value, headers: [] }])).message).toContain(
      "headers must be an object",
    );
    expect(refusal(() => checkRecords("t", [{ value, timestamp: Number.NaN }])).message).toContain(
      "timestamp must be milliseconds since the epoch (got NaN)",
    );
    expect(refusal(() => checkRecords("t", [null])).message).toContain(
      "must be an object with a binary value",
    );
    expect(refusal(() => checkRecords("t", "not records")).message).toContain("records must be an array");
  });
});
