import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import {
  managedRabbitMqPid,
  rabbitMqDir,
  startRabbitMq,
  stopRabbitMq,
} from "../src/native/rabbitmq-native.js";
import { rabbitMqRoundTrip, waitForRoundTrip } from "../src/probes.js";
import { freePortRange } from "./free-ports.js";

// A RabbitMQ node of our own on a spare port (its Erlang distribution port is port + 20000).
const stateDir = mkdtempSync(join(tmpdir(), "brokerlab-rabbitmq-test-"));
afterAll(() => {
  // As root the node's folder may live under /tmp instead (see rabbitMqDir).
  rmSync(rabbitMqDir(stateDir), { recursive: true, force: true });
  rmSync(stateDir, { recursive: true, force: true });
});

describe("native RabbitMQ", () => {
  it("starts rabbitmq-server on a spare port, round-trips, and stops only that node", async () => {
    const port = await freePortRange(1);
    const url = `amqp://guest:guest@127.0.0.1:${port}`;
    onTestFinished(async () => {
      await stopRabbitMq(stateDir, port);
    });
    await startRabbitMq(stateDir, { host: "127.0.0.1", port }, () => {});
    const result = await waitForRoundTrip(() => rabbitMqRoundTrip(url, 3000), 60_000);
    expect(result.version).toMatch(/^3\.\d+\.\d+/);
    expect(await managedRabbitMqPid(stateDir)).toBeGreaterThan(0);

    expect(await stopRabbitMq(stateDir, port)).toBe(true);
    await expect(rabbitMqRoundTrip(url, 2000)).rejects.toThrow();
    expect(await managedRabbitMqPid(stateDir)).toBeUndefined();
  }, 90_000);
});
