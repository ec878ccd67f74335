import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { clientLibraryVersions } from "./client-libraries.js";

describe("clientLibraryVersions", () => {
  it("reports the installed version of each broker client", () => {
    const versions = clientLibraryVersions();
    const kafkajs = createRequire(import.meta.url)("kafkajs/package.json") as { version: string };
    expect(versions.kafkajs).toBe(kafkajs.version);
    expect(Object.keys(versions)).toEqual(
      expect.arrayContaining(["kafkajs", "amqplib", "ioredis", "bullmq"]),
    );
    for (const version of Object.values(versions)) expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
