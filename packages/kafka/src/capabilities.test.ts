import { describe, expect, it } from "vitest";
import { kafkaCapabilities, kafkaCapabilitiesIn } from "./capabilities.js";
import { kafkaSettings } from "./kafka-settings.js";
import { kafkaRdkafkaTarget, kafkaTarget } from "./kafka-target.js";

describe("kafka durability per deployment", () => {
  it("is acks 0/1 on one broker and adds acks=all (replicated) on the cluster", () => {
    expect(kafkaCapabilitiesIn("single").durability).toEqual(["none", "leader"]);
    expect(kafkaCapabilitiesIn("cluster").durability).toEqual(["none", "leader", "replicated"]);
    expect(kafkaCapabilitiesIn("cluster")).toEqual({
      ...kafkaCapabilities,
      durability: ["none", "leader", "replicated"],
    });
  });

  it("is what both definitions and the settings' deployment give the client", () => {
    for (const target of [kafkaTarget, kafkaRdkafkaTarget]) {
      expect(target.capabilitiesIn("cluster").durability).toContain("replicated");
      expect(target.capabilitiesIn("single")).toBe(target.capabilities);
    }
    expect(kafkaSettings({ env: { BROKERLAB_DEPLOYMENT: "cluster" } }).deployment).toBe("cluster");
    expect(kafkaSettings({ env: {} }).deployment).toBeUndefined();
  });
});
