import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { isUsageError, redact } from "./report-failure.js";

describe("redact", () => {
  it("hides user and password in URLs, keeps the host", () => {
    expect(redact("cannot reach amqp://guest:secret@mq:5672/vh now")).toBe(
      "cannot reach amqp://***@mq:5672/vh now",
    );
    expect(redact("redis://:pw@r:6379 and http://h:1/x")).toBe("redis://***@r:6379 and http://h:1/x");
  });

  it("hides the values of secret variables wherever they appear", () => {
    expect(redact("SASL failed for hunter22", { BROKERLAB_KAFKA_SASL_PASSWORD: "hunter22" })).toBe(
      "SASL failed for ***",
    );
  });
});

describe("isUsageError", () => {
  it("is a usage mistake (exit 2) only for invalid arguments and workload files", () => {
    expect(isUsageError(new InvalidArgumentError("--rate must be a number"))).toBe(true);
    expect(
      isUsageError(Object.assign(new Error("w.yaml: topics is missing"), { name: "WorkloadError" })),
    ).toBe(true);
    expect(isUsageError(new Error("ECONNREFUSED"))).toBe(false);
  });
});
