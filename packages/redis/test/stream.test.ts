import { StartAt } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { consume, records, useClient, useTopic } from "./helpers.js";

describe("redis-stream", () => {
  it("returns stream ids as positions and inspects first and last ids with exact MAXLEN trimming", async () => {
    const client = await useClient("redis-stream");
    const topic = await useTopic(client, "maxlen", { retention: { maxCount: 4 } });
    const receipts = await client.publish(topic, records(10));
    const ids = receipts.map((receipt) => receipt.position?.offset);
    expect(ids.every((id) => /^\d+-\d+$/.test(id ?? ""))).toBe(true);
    const state = await client.inspect(topic);
    expect(state.stored).toBe(4);
    expect(state.partitions[0]?.first?.offset).toBe(ids[6]);
    expect(state.partitions[0]?.last?.offset).toBe(ids[9]);
  });

  it("moves an existing group to an explicit position (XGROUP SETID), like a seek", async () => {
    const client = await useClient("redis-stream");
    const topic = await useTopic(client, "setid");
    const receipts = await client.publish(topic, records(6));
    const first = await consume(client, topic, { group: "g", from: StartAt.earliest });
    await first.inbox.waitFor(6);
    await first.subscription.close();
    const position = receipts[3]?.position;
    if (!position) throw new Error("no position");
    const again = await consume(client, topic, { group: "g", from: StartAt.position(position) });
    const deliveries = await again.inbox.waitFor(3);
    expect(deliveries.map((d) => d.headers.n)).toEqual(["3", "4", "5"]);
    expect(deliveries[0]?.position).toEqual(position);
  });

  it("reports lag as undelivered entries plus pending ones, also for a group started mid-stream", async () => {
    const client = await useClient("redis-stream");
    const topic = await useTopic(client, "lag");
    const receipts = await client.publish(topic, records(10));
    const position = receipts[5]?.position;
    if (!position) throw new Error("no position");
    // Holds the first delivery unacknowledged; prefetch 1 stops the group there. Redis 7.0 reports no `lag` for a
    // group created at an explicit id, so this also covers counting the entries after last-delivered-id.
    const { inbox } = await consume(
      client,
      topic,
      { group: "mid", from: StartAt.position(position), prefetch: 1 },
      () => false,
    );
    await inbox.waitFor(1);
    // Records 5..9 are unacknowledged: 4 never delivered + 1 pending.
    expect((await client.lag(topic, "mid")).total).toBe(5);
    expect((await client.lag(topic, "never-created")).total).toBe(10);
  });

  it("keeps entries acknowledged by one group for another, and nack without requeue only settles the group", async () => {
    const client = await useClient("redis-stream");
    const topic = await useTopic(client, "groups");
    const { inbox } = await consume(client, topic, { group: "a", from: StartAt.earliest }, () => false);
    await client.publish(topic, records(2));
    const deliveries = await inbox.waitFor(2);
    for (const delivery of deliveries) await delivery.nack({ requeue: false });
    expect((await client.lag(topic, "a")).total).toBe(0);
    expect((await client.inspect(topic)).stored).toBe(2);
  });
});
