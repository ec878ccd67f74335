import { createClient } from "@brokerlab/targets";
import {
  consume,
  eventually,
  numberedRecords,
  sleep,
  uniqueName,
  useClient,
  useTopic,
} from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { KAFKA, reportOf, useMonitor } from "./use-monitor.js";

describe("Kafka groups, commits read from __consumer_offsets", () => {
  it("a caught-up group is OK with totallag 0; a stopped one goes to STOP (group ERR) with the lag left", async () => {
    const monitor = useMonitor([KAFKA]);
    const client = await useClient(() => createClient("kafka"));
    const topic = await useTopic(client, "mon", { partitions: 2 });
    await client.publish(topic, numberedRecords(60));
    // As Burrow, the monitor drops commits on partitions whose log end it has not read yet.
    await eventually(
      async () => monitor.cluster("kafka")?.topicOffsets(topic),
      (offsets) => offsets?.length === 2,
    );
    const caughtUp = uniqueName("caught-up");
    const stopped = uniqueName("stopped");

    const all = await consume(client, topic, { group: caughtUp, from: { kind: "earliest" } });
    await all.inbox.waitFor(60);
    // The stopped group acks the first 8 records of each partition, commits them, and goes away while the
    // producer goes on (a group's partitions without a commit are unknown to Burrow, so both get one).
    const some = await consume(
      client,
      topic,
      { group: stopped, from: { kind: "earliest" } },
      (delivery) => Number(delivery.position.offset) < 8,
    );
    await some.inbox.waitFor(60);
    await sleep(500);
    await some.subscription.close();
    await client.publish(topic, numberedRecords(40, { from: 60 }));
    await all.inbox.waitFor(100);

    const ok = await eventually(
      async () => reportOf(monitor, "kafka", caughtUp),
      (report) => report?.status === "OK" && report.totalLag === 0 && report.partitionCount === 2,
      40_000,
    );
    expect(ok).toMatchObject({ status: "OK", totalLag: 0, partitionCount: 2, kind: "kafka" });

    const committed = (await client.lag(topic, stopped)).total;
    expect(committed).toBeGreaterThan(0);
    const stop = await eventually(
      async () => reportOf(monitor, "kafka", stopped),
      // A one-commit window reads STALL until a second has passed with no commit; then STOP.
      (report) =>
        report?.totalLag === committed && report.partitions.every((partition) => partition.status === "STOP"),
      40_000,
    );
    expect(monitor.cluster("kafka")?.error).toBeNull();
    expect(stop?.status).toBe("ERR");
    expect(stop?.partitions.map((partition) => partition.status)).toEqual(["STOP", "STOP"]);
    expect(stop?.totalLag).toBe(committed);
  }, 120_000);
});
