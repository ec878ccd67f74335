import { describe, expect, it } from "vitest";
import { parseWorkload, WorkloadError } from "./parse-workload.js";

/** The ids a per-target durability may name; the real list comes from @brokerlab/targets. */
const TARGETS = ["kafka", "rabbitmq-quorum", "redis-list"];

/** The shape of OpenMessaging Benchmark's 1-topic-16-partitions-1kb workload, as OMB users write it. */
const omb = {
  name: "1 topic / 16 partitions / 1Kb",
  topics: 1,
  partitionsPerTopic: 16,
  messageSize: 1024,
  payloadFile: "payload/payload-1Kb.data",
  subscriptionsPerTopic: 1,
  consumerPerSubscription: 1,
  producersPerTopic: 1,
  producerRate: 50000,
  consumerBacklogSizeGB: 0,
  testDurationMinutes: 15,
};

function problemsOf(document: unknown): readonly string[] {
  try {
    parseWorkload(document, "w.yaml", TARGETS);
  } catch (error) {
    if (error instanceof WorkloadError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseWorkload", () => {
  it("accepts an unmodified OMB workload with OMB's defaults", () => {
    const { workload, warnings } = parseWorkload(omb, "w.yaml", TARGETS);
    expect(warnings).toEqual([]);
    expect(workload).toMatchObject({
      topics: 1,
      partitionsPerTopic: 16,
      messageSize: 1024,
      keyDistributor: "NO_KEY",
      producerRate: 50000,
      testDurationSeconds: 900,
      warmupDurationSeconds: 60,
      durability: {},
    });
  });

  it("lets seconds win over minutes and reads durability per target", () => {
    const { workload } = parseWorkload(
      {
        ...omb,
        testDurationSeconds: 20,
        warmupDurationSeconds: 2,
        durability: { default: "leader", kafka: "replicated" },
      },
      "w.yaml",
      TARGETS,
    );
    expect(workload.testDurationSeconds).toBe(20);
    expect(workload.warmupDurationSeconds).toBe(2);
    expect(workload.durability).toEqual({ default: "leader", kafka: "replicated" });
  });

  it("gives one line per bad field naming the field, the value and what is expected", () => {
    const problems = problemsOf({
      ...omb,
      topics: 0,
      producerRate: "fast",
      keyDistributor: "BY_HASH",
      durability: { kafka: "all", nats: "leader" },
    });
    expect(problems).toHaveLength(5);
    expect(problems).toContain("topics: 0 is not valid; expected an integer ≥ 1");
    expect(problems.find((line) => line.startsWith("producerRate:"))).toMatch(
      /"fast" .*0 = find the highest/,
    );
    expect(problems.find((line) => line.startsWith("keyDistributor:"))).toContain(
      "NO_KEY, KEY_ROUND_ROBIN, RANDOM_NANO",
    );
    expect(problems).toContain(
      'durability.kafka: "all" is not valid; expected one of none, leader, replicated',
    );
    expect(problems.find((line) => line.startsWith("durability.nats"))).toContain("unknown target");
  });

  it("names missing required fields and unknown ones", () => {
    const problems = problemsOf({ name: "x", topic: 1 });
    expect(problems.some((line) => line.startsWith('unknown field "topic"'))).toBe(true);
    expect(problems).toContain("topics is missing; expected an integer ≥ 1");
    expect(problems.some((line) => line.startsWith("messageSize is missing"))).toBe(true);
    expect(problems.some((line) => line.startsWith("testDurationMinutes is missing"))).toBe(true);
  });

  it("accepts OMB fields it does not use, with a warning", () => {
    const { warnings } = parseWorkload({ ...omb, producerStartRate: 10000 }, "w.yaml", TARGETS);
    expect(warnings).toEqual(["producerStartRate is an OMB field this bench does not use; ignored"]);
  });

  it("prefixes each line with the file in the error message", () => {
    expect(() => parseWorkload({ ...omb, messageSize: -1 }, "workloads/x.yaml", TARGETS)).toThrow(
      /^workloads\/x\.yaml: messageSize: -1 is not valid/,
    );
    expect(() => parseWorkload(["a"], "x.yaml", TARGETS)).toThrow(/expected a YAML mapping/);
  });
});
