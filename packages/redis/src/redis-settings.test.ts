import { describe, expect, it } from "vitest";
import { redisSettings } from "./redis-settings.js";

describe("redisSettings", () => {
  it("reads the single node's URL by default", () => {
    expect(redisSettings({ env: { BROKERLAB_REDIS_URL: "redis://h:1" } })).toEqual({ url: "redis://h:1" });
  });

  it("goes through the cluster's Sentinels with BROKERLAB_DEPLOYMENT=cluster", () => {
    expect(redisSettings({ env: { BROKERLAB_DEPLOYMENT: "cluster" } })).toEqual({
      url: "redis://127.0.0.1",
      sentinels: ["127.0.0.1:26391", "127.0.0.1:26392", "127.0.0.1:26393"],
      sentinelMaster: "brokerlab",
      deployment: "cluster",
    });
    const env = {
      BROKERLAB_DEPLOYMENT: "cluster",
      BROKERLAB_CLUSTER_REDIS_SENTINELS: "s1:1, s2:2",
      BROKERLAB_CLUSTER_REDIS_MASTER: "mymaster",
    };
    expect(redisSettings({ env })).toMatchObject({ sentinels: ["s1:1", "s2:2"], sentinelMaster: "mymaster" });
  });
});
