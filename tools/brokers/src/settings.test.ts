import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BrokersError } from "./errors.js";
import {
  defaultCacheDir,
  isLocalHost,
  parseHostPort,
  REPO_ROOT,
  settingsFromEnv,
  urlHostPort,
} from "./settings.js";

describe("settingsFromEnv", () => {
  it("defaults to the standard local ports, the repo's .brokerlab folder and ~/.cache/brokerlab", () => {
    expect(settingsFromEnv({ HOME: "/home/me" })).toEqual({
      kafkaBrokers: ["127.0.0.1:9092"],
      rabbitmqUrl: "amqp://guest:guest@127.0.0.1:5672",
      redisUrl: "redis://127.0.0.1:6379",
      stateDir: join(REPO_ROOT, ".brokerlab"),
      clusterDir: "/home/me/.local/state/brokerlab/cluster",
      cacheDir: "/home/me/.cache/brokerlab",
      kafkaHeap: "512m",
      runtime: "auto",
      kafkaSecurity: {},
    });
  });

  it("reads every BROKERLAB_* variable", () => {
    const settings = settingsFromEnv({
      BROKERLAB_KAFKA_BROKERS: "127.0.0.1:19092, 127.0.0.1:19094",
      BROKERLAB_RABBITMQ_URL: "amqp://u:p@127.0.0.1:5673",
      BROKERLAB_REDIS_URL: "redis://127.0.0.1:6380",
      BROKERLAB_STATE_DIR: "/tmp/state",
      BROKERLAB_CLUSTER_DIR: "/tmp/cluster",
      BROKERLAB_CACHE: "/tmp/cache",
      BROKERLAB_KAFKA_HEAP: "1g",
      BROKERLAB_RUNTIME: "native",
      BROKERLAB_KAFKA_SSL: "true",
      BROKERLAB_KAFKA_SASL_MECHANISM: "scram-sha-512",
      BROKERLAB_KAFKA_SASL_USERNAME: "svc",
      BROKERLAB_KAFKA_SASL_PASSWORD: "pw",
    });
    expect(settings).toEqual({
      kafkaBrokers: ["127.0.0.1:19092", "127.0.0.1:19094"],
      rabbitmqUrl: "amqp://u:p@127.0.0.1:5673",
      redisUrl: "redis://127.0.0.1:6380",
      stateDir: "/tmp/state",
      clusterDir: "/tmp/cluster",
      cacheDir: "/tmp/cache",
      kafkaHeap: "1g",
      runtime: "native",
      kafkaSecurity: { ssl: true, sasl: { mechanism: "scram-sha-512", username: "svc", password: "pw" } },
    });
  });

  it("reads the single nodes' addresses whatever BROKERLAB_DEPLOYMENT says, through the adapters' parser", () => {
    const settings = settingsFromEnv({
      BROKERLAB_DEPLOYMENT: "cluster",
      BROKERLAB_KAFKA_BROKERS: "127.0.0.1:9093",
    });
    expect(settings.kafkaBrokers).toEqual(["127.0.0.1:9093"]);
    expect(settings.rabbitmqUrl).toBe("amqp://guest:guest@127.0.0.1:5672");
  });

  it("puts the cache under XDG_CACHE_HOME when set", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/xdg", HOME: "/home/me" })).toBe("/xdg/brokerlab");
  });

  it.each([
    [{ BROKERLAB_RUNTIME: "podman" }, /BROKERLAB_RUNTIME="podman" is not one of auto, native, docker/],
    [{ BROKERLAB_KAFKA_HEAP: "lots" }, /not a JVM size/],
    [{ BROKERLAB_KAFKA_SASL_MECHANISM: "md5" }, /expected one of plain, scram-sha-256, scram-sha-512/],
    [{ BROKERLAB_KAFKA_BROKERS: "localhost" }, /"localhost" has no port; expected host:port/],
  ])("rejects %j in one line", (env, message) => {
    expect(() => settingsFromEnv(env)).toThrow(BrokersError);
    expect(() => settingsFromEnv(env)).toThrow(message);
  });
});

describe("addresses", () => {
  it("splits host:port, including bracketed IPv6", () => {
    expect(parseHostPort("127.0.0.1:9092", "x")).toEqual({ host: "127.0.0.1", port: 9092 });
    expect(parseHostPort("[::1]:9092", "x")).toEqual({ host: "::1", port: 9092 });
    expect(() => parseHostPort("host:99999", "x")).toThrow(/not host:port/);
  });

  it("reads URL ports with the scheme's default", () => {
    expect(urlHostPort("redis://127.0.0.1", "x")).toEqual({ host: "127.0.0.1", port: 6379 });
    expect(urlHostPort("amqp://guest:guest@localhost", "x")).toEqual({ host: "localhost", port: 5672 });
    expect(urlHostPort("amqps://mq.example.com", "x")).toEqual({ host: "mq.example.com", port: 5671 });
    expect(() => urlHostPort("http://x", "BROKERLAB_REDIS_URL")).toThrow(/unsupported scheme/);
    expect(() => urlHostPort("not a url", "BROKERLAB_REDIS_URL")).toThrow(/is not a URL/);
  });

  it("knows which hosts are this machine", () => {
    expect(isLocalHost("127.0.0.1")).toBe(true);
    expect(isLocalHost("localhost")).toBe(true);
    expect(isLocalHost("kafka.example.com")).toBe(false);
  });
});
