import type { Admin } from "kafkajs";
import { describe, expect, it } from "vitest";
import { createBenchTopic } from "./bench-topic.js";

/** kafkajs gives up with a non-retriable error wrapping the retriable one it kept getting. */
function retriesExceeded(): Error {
  const cause = Object.assign(new Error("This server does not host this topic-partition"), {
    retriable: true,
  });
  return Object.assign(new Error(cause.message), { retriable: false, originalError: cause });
}

/** An admin whose createTopics fails with the given errors, then succeeds. */
function adminFailing(errors: Error[]): { admin: Admin; calls: () => number } {
  let calls = 0;
  const createTopics = async () => {
    calls++;
    const error = errors.shift();
    if (error) throw error;
    return true;
  };
  return { admin: { createTopics } as unknown as Admin, calls: () => calls };
}

describe("createBenchTopic", () => {
  it("tries again when kafkajs gave up on a retriable error (partitions not there yet)", async () => {
    const { admin, calls } = adminFailing([retriesExceeded(), retriesExceeded()]);
    await createBenchTopic(admin, "t", 16);
    expect(calls()).toBe(3);
  });

  it("passes on an error nothing retriable caused at once", async () => {
    const refused = Object.assign(new Error("Topic replication factor larger than brokers"), {
      retriable: false,
    });
    const { admin, calls } = adminFailing([refused]);
    await expect(createBenchTopic(admin, "t", 16)).rejects.toThrow("replication factor");
    expect(calls()).toBe(1);
  });
});
