import { describe, expect, it } from "vitest";
import { redact } from "./redact.js";

describe("redact", () => {
  it("hides user and password in URLs, keeps the host", () => {
    expect(redact("cannot reach amqp://guest:secret@mq:5672/vh now")).toBe(
      "cannot reach amqp://***@mq:5672/vh now",
    );
    expect(redact("redis://:pw@r:6379 and http://h:1/x")).toBe("redis://***@r:6379 and http://h:1/x");
  });
});
