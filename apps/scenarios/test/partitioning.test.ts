import { beforeAll, describe, expect, it } from "vitest";
import type { ScenarioResults } from "../src/results.js";
import { capabilitiesOf, RUN_TIMEOUT_MS, resultFor, runOnEveryTarget, TARGET_IDS } from "./run-scenario.js";

describe("partitioning scenario: measured equals declared", () => {
  let results: ScenarioResults | undefined;
  beforeAll(async () => {
    results = await runOnEveryTarget("partitioning");
  }, RUN_TIMEOUT_MS);

  it.each(TARGET_IDS)("%s spreads records over partitions exactly when it declares partitions", (target) => {
    const caps = capabilitiesOf(target);
    const { supported, reason, metrics, series } = resultFor(results, target);
    expect(supported).toBe(caps.partitions);
    if (caps.partitions) {
      expect(metrics.partitions).toBe(6);
      // Same key, same partition, every time; and keys and unkeyed records use more than one partition.
      expect(metrics.keysOnOnePartition).toBe(metrics.keys);
      expect(Number(metrics.keyedPartitionsUsed)).toBeGreaterThan(1);
      expect(Number(metrics.unkeyedPartitionsUsed)).toBeGreaterThan(1);
      // user-0..user-11 on 6 partitions: CRC32 % 6 (librdkafka's consistent_random) and Java's murmur2 agree on
      // user-1 and user-11 only. Targets whose client has librdkafka's partitioner measure it; others leave it out.
      const elsewhere = metrics.keysElsewhereUnderLibrdkafkaDefault;
      if (elsewhere !== undefined) expect(elsewhere).toBe(10);
      const histogramTotal = (series?.keyed ?? []).reduce((sum, [, count]) => sum + count, 0);
      expect(histogramTotal).toBe(results?.params.messages);
      // Unkeyed 1 KiB records: round-robin never puts two in a row on one partition, sticky fills a batch first.
      expect(metrics.roundRobinLongestRun).toBe(1);
      expect(Number(metrics.roundRobinPartitionsUsed)).toBeGreaterThan(1);
      expect(Number(metrics.stickyLongestRun)).toBeGreaterThan(1);
      expect(Number(metrics.stickyMeanRun)).toBeGreaterThan(Number(metrics.roundRobinMeanRun));
      const stickyTotal = (series?.sticky ?? []).reduce((sum, [, count]) => sum + count, 0);
      expect(stickyTotal).toBe(results?.params.messages);
    } else {
      expect(reason).toMatch(/does not support partitions/);
      expect(metrics.partitions).toBe(1);
      expect(metrics.keyedPartitionsUsed).toBe(1);
    }
  });

  it("measures how many keys librdkafka's default partitioner would put elsewhere, on a target whose client has it", () => {
    const measured = (results?.results ?? []).filter(
      (result) => result.metrics.keysElsewhereUnderLibrdkafkaDefault !== undefined,
    );
    expect(measured.length).toBeGreaterThan(0);
    for (const result of measured) expect(capabilitiesOf(result.target).partitions).toBe(true);
  });
});
