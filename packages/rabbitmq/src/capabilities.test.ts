import { describe, expect, it } from "vitest";
import { rabbitMqCapabilitiesIn } from "./capabilities.js";
import { RABBITMQ_TARGET_DEFINITIONS } from "./rabbitmq-targets.js";

describe("rabbitmq durability per deployment", () => {
  it("is one node's confirm on a single node for every queue type", () => {
    for (const target of ["rabbitmq-queue", "rabbitmq-quorum", "rabbitmq-stream"] as const)
      expect(rabbitMqCapabilitiesIn(target, "single").durability).toEqual(["none", "leader"]);
  });

  it("is a majority of three members on the cluster, except the classic queue that lives on one node", () => {
    expect(rabbitMqCapabilitiesIn("rabbitmq-queue", "cluster").durability).toEqual(["none", "leader"]);
    expect(rabbitMqCapabilitiesIn("rabbitmq-quorum", "cluster").durability).toEqual(["none", "replicated"]);
    expect(rabbitMqCapabilitiesIn("rabbitmq-stream", "cluster").durability).toEqual(["none", "replicated"]);
  });

  it("is what each definition declares per deployment", () => {
    for (const definition of RABBITMQ_TARGET_DEFINITIONS) {
      expect(definition.capabilitiesIn("single")).toBe(definition.capabilities);
      expect(definition.capabilitiesIn("cluster")).toEqual(
        rabbitMqCapabilitiesIn(definition.id as never, "cluster"),
      );
    }
  });
});
