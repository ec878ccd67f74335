import {
  type BrokerlabError,
  type ErrorCode,
  isBrokerlabError,
  type MessagingClient,
} from "@brokerlab/messaging";
import { createClient, TARGET_IDS } from "@brokerlab/targets";
import { describe, expect, it, type TestContext } from "vitest";

/**
 * The adapter kind of bad input: a service that imports an adapter package and makes a mistake. Each case is
 * met as a user meets it, through the targets' own clients, and must fail with the contract's class and code
 * (the conformance suite proves the contract per capability; this pins what a user sees, on every target).
 */
const SECRET = "s3cretPassw0rd";
/** Nothing listens here (this suite's spare port range). */
const NOWHERE = "127.0.0.1:7118";
const UNREACHABLE = {
  BROKERLAB_KAFKA_BROKERS: NOWHERE,
  BROKERLAB_RABBITMQ_URL: `amqp://guest:${SECRET}@${NOWHERE}`,
  BROKERLAB_REDIS_URL: `redis://:${SECRET}@${NOWHERE}`,
};
const VALUE = new Uint8Array([1, 2, 3]);

async function failure(promise: Promise<unknown>): Promise<BrokerlabError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isBrokerlabError(error)) throw new Error(`expected a brokerlab error, got ${String(error)}`);
  return error;
}

function expectError(error: BrokerlabError, name: string, code: ErrorCode): void {
  expect({ name: error.name, code: error.code }).toEqual({ name, code });
  expect(error.message).not.toContain("\n");
  expect(error.message).not.toContain(SECRET);
}

/**
 * A connected client closed when the test finishes. The test's own onTestFinished: in concurrent tests the
 * imported one may hang the hook on another test, which closed this client early.
 */
async function connected(target: string, context: TestContext): Promise<MessagingClient> {
  const client = createClient(target);
  context.onTestFinished(() => client.close().catch(() => undefined));
  await client.connect();
  return client;
}

describe.concurrent.each(TARGET_IDS)("adapter misuse on %s", { timeout: 60_000 }, (target) => {
  it("an empty topic name and a value that is not bytes are InvalidArgumentError", async (context) => {
    const client = await connected(target, context);
    expectError(
      await failure(client.publish("", [{ key: null, value: VALUE }])),
      "InvalidArgumentError",
      "BROKERLAB_INVALID_ARGUMENT",
    );
    const text = "not bytes" as unknown as Uint8Array;
    expectError(
      await failure(client.publish(`bl-bad-${target}`, [{ key: null, value: text }])),
      "InvalidArgumentError",
      "BROKERLAB_INVALID_ARGUMENT",
    );
  });

  it("a publish to a topic never created is NotFoundError at every durability it offers", async (context) => {
    const client = await connected(target, context);
    const topic = `bl-bad-missing-${target}-${Date.now()}`;
    for (const durability of client.capabilities.durability) {
      const error = await failure(client.publish(topic, [{ key: null, value: VALUE }], { durability }));
      expectError(error, "NotFoundError", "BROKERLAB_NOT_FOUND");
      expect(error.message).toContain(topic);
    }
  });

  it("a client used after close is ClosedError, as a rejected promise", async (context) => {
    const client = await connected(target, context);
    await client.close();
    expectError(
      await failure(client.publish(`bl-bad-${target}`, [{ key: null, value: VALUE }])),
      "ClosedError",
      "BROKERLAB_CLOSED",
    );
    expectError(await failure(client.createTopic(`bl-bad-${target}`)), "ClosedError", "BROKERLAB_CLOSED");
  });

  it("an unreachable broker fails connect with ConnectionError naming the address, no credentials", async (context) => {
    const client = createClient(target, { env: UNREACHABLE });
    context.onTestFinished(() => client.close().catch(() => undefined));
    // Bounded by the test's timeout: a client that retried forever would fail it as a hang.
    const error = await failure(client.connect());
    expectError(error, "ConnectionError", "BROKERLAB_CONNECTION_FAILED");
    expect(error.message).toContain(NOWHERE);
  });
});
