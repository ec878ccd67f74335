import { parseWorkload } from "@brokerlab/bench";
import { TARGET_IDS, targetDefinition } from "@brokerlab/targets";
import { describe, expect, it } from "vitest";
import { footprint, formatBytes } from "./resource-guard.js";

const base = { name: "w", topics: 1, messageSize: 1024, testDurationSeconds: 10, warmupDurationSeconds: 5 };
const workloadOf = (fields: Record<string, unknown>) =>
  parseWorkload({ ...base, ...fields }, "w.yaml", TARGET_IDS).workload;
const log = targetDefinition("kafka").capabilities;
const queue = targetDefinition("rabbitmq-queue").capabilities;

describe("footprint", () => {
  it("is the backlog on a queue, the backlog plus every record sent on a log", () => {
    const workload = workloadOf({ producerRate: 100, consumerBacklogSizeGB: 0.5 });
    expect(footprint(workload, 1024, queue)).toEqual({
      bytes: 0.5 * 1024 ** 3,
      because: "consumerBacklogSizeGB 0.5",
      lower: "consumerBacklogSizeGB",
    });
    expect(footprint(workload, 1024, log).bytes).toBe(0.5 * 1024 ** 3 + 100 * 15 * 1024);
  });

  it("is nothing when consumers keep up with a queue, and only the backlog while the rate is searched", () => {
    expect(footprint(workloadOf({ producerRate: 100 }), 1024, queue).bytes).toBe(0);
    expect(footprint(workloadOf({ producerRate: 0 }), 1024, log).bytes).toBe(0);
  });

  it("formats bytes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10.0 MiB");
    expect(formatBytes(100 * 1024 ** 3)).toBe("100.0 GiB");
  });

  it("every target with a capacity declares a record limit no broker here exceeds", () => {
    for (const id of TARGET_IDS) {
      const capacity = targetDefinition(id).bench.capacity;
      expect(capacity?.maxRecordBytes).toBeGreaterThan(0);
      expect(capacity?.maxRecordBytes).toBeLessThanOrEqual(512 * 1024 * 1024);
    }
  });
});
