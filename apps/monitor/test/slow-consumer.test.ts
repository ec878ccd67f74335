import { createClient } from "@brokerlab/targets";
import { eventually, numberedRecords, sleep, uniqueName, useClient, useTopic } from "@brokerlab/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { KAFKA, reportOf, useMonitor } from "./use-monitor.js";

describe("a slow consumer", () => {
  it("shows WARN while its lag grows at every commit", async () => {
    // The adapter commits every 20 ms; min-distance folds commits into one-second slots, as Burrow users set it,
    // so each slot's lag is measured against a newer log end than the one before. Five slots: the first
    // commits, made before the log end was read, have lag 0 (OK by rule 1) until they leave the window.
    const monitor = useMonitor([KAFKA], { minDistanceMs: 1_000, intervals: 5 });
    const client = await useClient(() => createClient("kafka"));
    const topic = await useTopic(client, "mon-slow", { partitions: 1 });
    await eventually(
      async () => monitor.cluster("kafka")?.topicOffsets(topic),
      (offsets) => offsets?.length === 1,
    );
    let producing = true;
    let next = 0;
    const producer = (async () => {
      while (producing) {
        await client.publish(topic, numberedRecords(20, { from: next }));
        next += 20;
        await sleep(200);
      }
    })();
    onTestFinished(async () => {
      producing = false;
      await producer;
    });
    const group = uniqueName("slow");
    // About 30 records a second against the producer's 100.
    const subscription = await client.subscribe(
      topic,
      { group, from: { kind: "earliest" }, prefetch: 1 },
      async (delivery) => {
        await sleep(30);
        await delivery.ack();
      },
    );
    onTestFinished(() => subscription.close());
    const report = await eventually(
      async () => reportOf(monitor, "kafka", group),
      (r) => r?.status === "WARN",
      40_000,
    );
    if (report?.status !== "WARN") console.log(JSON.stringify(monitor.cluster("kafka")?.groupDetail(group)));
    expect(report?.status).toBe("WARN");
    expect(report?.partitions[0]?.status).toBe("WARN");
    expect(report?.totalLag).toBeGreaterThan(0);
  }, 90_000);
});
