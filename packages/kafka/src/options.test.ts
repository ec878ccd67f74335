import kafkajs from "kafkajs";
import { describe, expect, it } from "vitest";
import { addressOf, kafkaConfig } from "./options.js";

describe("kafkaConfig", () => {
  it("is silent, retries briefly and connects with a short timeout by default", () => {
    const config = kafkaConfig({ brokers: ["127.0.0.1:9092"] });
    expect(config.logLevel).toBe(kafkajs.logLevel.NOTHING);
    expect(config.connectionTimeout).toBe(3000);
    expect(config.retry?.retries).toBeLessThanOrEqual(5);
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it("passes TLS and SASL settings through", () => {
    const config = kafkaConfig({
      brokers: ["a:9093", "b:9093"],
      clientId: "svc",
      ssl: { rejectUnauthorized: false },
      sasl: { mechanism: "scram-sha-512", username: "u", password: "p" },
      connectionTimeoutMs: 500,
      logErrors: true,
    });
    expect(config.clientId).toBe("svc");
    expect(config.ssl).toEqual({ rejectUnauthorized: false });
    expect(config.sasl).toEqual({ mechanism: "scram-sha-512", username: "u", password: "p" });
    expect(config.connectionTimeout).toBe(500);
    expect(config.logLevel).toBe(kafkajs.logLevel.ERROR);
  });

  it("prints the bootstrap list as the address", () => {
    expect(
      addressOf({ brokers: ["a:1", "b:2"], sasl: { mechanism: "plain", username: "u", password: "secret" } }),
    ).toBe("a:1,b:2");
  });
});
