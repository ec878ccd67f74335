import { NotReplicatedError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { redisCapabilitiesIn } from "./capabilities.js";
import { waitForReplica } from "./shared.js";

describe("redis durability per deployment", () => {
  it("is none and leader on one node; lists and streams add WAIT (replicated) on the cluster", () => {
    for (const target of ["redis-list", "redis-stream"] as const) {
      expect(redisCapabilitiesIn(target, "single").durability).toEqual(["none", "leader"]);
      expect(redisCapabilitiesIn(target, "cluster").durability).toEqual(["none", "leader", "replicated"]);
    }
  });

  it("keeps BullMQ at leader on both: its jobs are added on connections the adapter cannot WAIT on", () => {
    expect(redisCapabilitiesIn("bullmq", "single").durability).toEqual(["leader"]);
    expect(redisCapabilitiesIn("bullmq", "cluster").durability).toEqual(["leader"]);
  });

  it("fails a replicated publish whose WAIT saw no replica, saying what WAIT does not promise", async () => {
    const asked: number[][] = [];
    const noReplica = {
      wait: async (replicas: number, ms: number) => {
        asked.push([replicas, ms]);
        return 0;
      },
    };
    const failure = waitForReplica("redis-list", noReplica);
    await expect(failure).rejects.toBeInstanceOf(NotReplicatedError);
    await expect(failure).rejects.toMatchObject({ code: "BROKERLAB_NOT_REPLICATED" });
    await expect(failure).rejects.toThrow(/WAIT 1 saw 0 replicas .*may still reach a replica.*failover/);
    expect(asked).toEqual([[1, 2_000]]);
    await expect(waitForReplica("redis-list", { wait: async () => 1 })).resolves.toBeUndefined();
  });
});
