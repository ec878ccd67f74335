import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsFromEnv } from "./connection-settings.js";
import { parseTargets } from "./create-client.js";

describe("settingsFromEnv", () => {
  it("defaults to the local brokers", () => {
    expect(settingsFromEnv({})).toEqual(DEFAULT_SETTINGS);
  });

  it("reads addresses and credentials from BROKERLAB_* variables", () => {
    const settings = settingsFromEnv({
      BROKERLAB_KAFKA_BROKERS: "a:9092, b:9092",
      BROKERLAB_KAFKA_SASL_USERNAME: "svc",
      BROKERLAB_KAFKA_SASL_PASSWORD: "pw",
      BROKERLAB_KAFKA_SASL_MECHANISM: "scram-sha-512",
      BROKERLAB_KAFKA_SSL: "true",
      BROKERLAB_RABBITMQ_URL: "amqps://u:p@mq:5671",
      BROKERLAB_REDIS_URL: "rediss://r:6380",
    });
    expect(settings.kafkaBrokers).toEqual(["a:9092", "b:9092"]);
    expect(settings.kafkaSasl).toEqual({ mechanism: "scram-sha-512", username: "svc", password: "pw" });
    expect(settings.kafkaSsl).toBe(true);
    expect(settings.rabbitmqUrl).toBe("amqps://u:p@mq:5671");
    expect(settings.redisUrl).toBe("rediss://r:6380");
  });

  it("rejects an unknown SASL mechanism in one line", () => {
    expect(() => settingsFromEnv({ BROKERLAB_KAFKA_SASL_MECHANISM: "md5" })).toThrow(/not one of plain/);
  });
});

describe("parseTargets", () => {
  it("expands all and keeps the order given", () => {
    expect(parseTargets(undefined)).toHaveLength(7);
    expect(parseTargets("redis-list,kafka")).toEqual(["redis-list", "kafka"]);
  });

  it("names the valid targets when one is unknown", () => {
    expect(() => parseTargets("kafka,nats")).toThrow(
      /unknown target "nats"; valid targets: kafka, rabbitmq-queue/,
    );
  });
});
