import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { resolveOptions } from "./options.js";

describe("resolveOptions", () => {
  it("splits a URL with credentials and database, and never prints the credentials", () => {
    const resolved = resolveOptions({ url: "redis://app:s%40cret@cache.example:6380/2" });
    expect(resolved.endpoint).toEqual({
      host: "cache.example",
      port: 6380,
      db: 2,
      username: "app",
      password: "s@cret",
    });
    expect(resolved.address).toBe("cache.example:6380");
    expect(resolved.keyPrefix).toBe("brokerlab");
    expect(resolved.connectionTimeoutMs).toBe(5_000);
    expect(resolved.abandonedAfterMs).toBe(30_000);
  });

  it("turns TLS on for rediss:// and for explicit TLS options", () => {
    expect(resolveOptions({ url: "rediss://cache.example" }).endpoint.tls).toEqual({});
    const withCa = resolveOptions({ url: "redis://cache.example", tls: { servername: "cache" } });
    expect(withCa.endpoint.tls).toEqual({ servername: "cache" });
    expect(resolveOptions({ url: "redis://cache.example" }).endpoint.tls).toBeUndefined();
  });

  it("refuses what is not a Redis URL with one clear line", () => {
    expect(() => resolveOptions({ url: "localhost:6379" })).toThrow(InvalidArgumentError);
    expect(() => resolveOptions({ url: "http://localhost" })).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => resolveOptions({ url: "redis://h/x" })).toThrow(/database/);
    expect(() => resolveOptions({ url: "redis://h", keyPrefix: "a:b" })).toThrow(/keyPrefix/);
    expect(() => resolveOptions({ url: "redis://h", abandonedAfterMs: 0 })).toThrow(/abandonedAfterMs/);
  });

  it("asks Sentinels for the primary when given, and says so in the address", () => {
    const resolved = resolveOptions({
      url: "redis://127.0.0.1/1",
      sentinels: ["127.0.0.1:26391", "127.0.0.1:26392"],
      sentinelMaster: "brokerlab",
    });
    expect(resolved.endpoint).toMatchObject({
      db: 1,
      name: "brokerlab",
      sentinels: [
        { host: "127.0.0.1", port: 26391 },
        { host: "127.0.0.1", port: 26392 },
      ],
    });
    expect(resolved.address).toBe("sentinel master brokerlab via 127.0.0.1:26391,127.0.0.1:26392");
    expect(() => resolveOptions({ url: "redis://h", sentinels: ["h:1"] })).toThrow(/need the master name/);
    expect(() => resolveOptions({ url: "redis://h", sentinels: ["h"], sentinelMaster: "m" })).toThrow(
      'Redis sentinel "h" is not host:port',
    );
  });
});
