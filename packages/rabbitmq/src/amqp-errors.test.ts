import { ConnectionError, InvalidArgumentError, NotFoundError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { topicFailure } from "./amqp-errors.js";

describe("topicFailure", () => {
  it("turns a missing queue into NotFoundError and inequivalent arguments into an argument error", () => {
    const missing = topicFailure("orders", "h:5672", Object.assign(new Error("NOT_FOUND"), { code: 404 }));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe('topic "orders" does not exist at h:5672; create it with createTopic');
    const inequivalent = topicFailure(
      "orders",
      "h:5672",
      Object.assign(
        new Error(
          `Operation failed: QueueDeclare; 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - inequivalent arg 'x-queue-type'"`,
        ),
        { code: 406 },
      ),
    );
    expect(inequivalent).toBeInstanceOf(InvalidArgumentError);
    expect(inequivalent.message).toContain(
      "already exists with other settings (PRECONDITION_FAILED - inequivalent",
    );
  });

  it("reports a lost connection as a connection error", () => {
    expect(topicFailure("t", "h:5672", new Error("Channel closed"))).toBeInstanceOf(ConnectionError);
  });
});
