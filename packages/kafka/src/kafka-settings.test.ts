import { describe, expect, it } from "vitest";
import { kafkaSettings } from "./kafka-settings.js";

describe("kafkaSettings", () => {
  it("defaults to the local broker", () => {
    expect(kafkaSettings({ env: {} })).toEqual({ brokers: ["127.0.0.1:9092"], ssl: false });
  });

  it("reads addresses and credentials from BROKERLAB_KAFKA_* variables", () => {
    const settings = kafkaSettings({
      env: {
        BROKERLAB_KAFKA_BROKERS: "a:9092, b:9092",
        BROKERLAB_KAFKA_SASL_USERNAME: "svc",
        BROKERLAB_KAFKA_SASL_PASSWORD: "pw",
        BROKERLAB_KAFKA_SASL_MECHANISM: "scram-sha-512",
        BROKERLAB_KAFKA_SSL: "true",
      },
    });
    expect(settings).toEqual({
      brokers: ["a:9092", "b:9092"],
      ssl: true,
      sasl: { mechanism: "scram-sha-512", username: "svc", password: "pw" },
    });
  });

  it("reads the cluster's brokers with BROKERLAB_DEPLOYMENT=cluster", () => {
    expect(kafkaSettings({ env: { BROKERLAB_DEPLOYMENT: "cluster" } })).toMatchObject({
      brokers: ["127.0.0.1:19092", "127.0.0.1:19094", "127.0.0.1:19096"],
      defaultReplicationFactor: 3,
    });
    const custom = { BROKERLAB_DEPLOYMENT: "cluster", BROKERLAB_CLUSTER_KAFKA_BROKERS: "k1:9092,k2:9092" };
    expect(kafkaSettings({ env: { ...custom, BROKERLAB_KAFKA_BROKERS: "single:9092" } }).brokers).toEqual([
      "k1:9092",
      "k2:9092",
    ]);
  });

  it("takes the unkeyed partitioning a caller asks for through the connection source", () => {
    const source = { env: {}, producer: { unkeyedPartitioning: "sticky" as const } };
    expect(kafkaSettings(source).unkeyedPartitioning).toBe("sticky");
    expect(kafkaSettings({ env: {} })).not.toHaveProperty("unkeyedPartitioning");
  });

  it("rejects an unknown SASL mechanism in one line", () => {
    expect(() => kafkaSettings({ env: { BROKERLAB_KAFKA_SASL_MECHANISM: "md5" } })).toThrow(
      'BROKERLAB_KAFKA_SASL_MECHANISM="md5" is not valid: it is not a known value; expected one of plain, scram-sha-256, scram-sha-512',
    );
  });
});
