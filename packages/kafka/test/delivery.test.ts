import { type Delivery, StartAt } from "@brokerlab/messaging";
import { Inbox, sleep, text, uniqueName, useTopic, waitUntil } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { KAFKA_CLIENTS } from "./helpers.js";

const records = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: text(String(i)) }));

describe.each(KAFKA_CLIENTS)("%s acknowledgement", (_target, kafkaClient) => {
  it("nack with requeue delivers the record again, marked redelivered; without requeue skips it", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "nack");
    const group = uniqueName("g");
    await client.publish(topic, records(3));
    const seen: Delivery[] = [];
    const subscription = await client.subscribe(
      topic,
      { group, from: StartAt.earliest },
      async (delivery) => {
        seen.push(delivery);
        const value = delivery.value.toString();
        if (value === "0" && !delivery.redelivered) await delivery.nack({ requeue: true });
        else if (value === "1") await delivery.nack({ requeue: false });
        else await delivery.ack();
      },
    );
    await waitUntil(() => seen.length >= 4 && seen.some((d) => d.redelivered), "the redelivery");
    await sleep(300);
    await subscription.close();
    const zero = seen.filter((d) => d.value.toString() === "0");
    expect(zero.map((d) => d.redelivered)).toEqual([false, true]);
    expect(seen.filter((d) => d.value.toString() === "1")).toHaveLength(1);
    expect(seen.filter((d) => d.value.toString() === "2")).toHaveLength(1);
    // Every record is settled (the skipped one counts as done), so the group has nothing left.
    expect((await client.lag(topic, group)).total).toBe(0);
  });

  it("a handler that throws gets the record again", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "throw");
    await client.publish(topic, records(1));
    let calls = 0;
    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.earliest },
      async (d) => {
        calls += 1;
        if (calls === 1) throw new Error("boom");
        sink.push(d);
        await d.ack();
      },
    );
    await sink.waitFor(1);
    await subscription.close();
    expect(sink.deliveries[0]?.redelivered).toBe(true);
  });

  it("records delivered but not acknowledged go to the group's next consumer after close", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "unacked");
    const group = uniqueName("g");
    await client.publish(topic, records(4));
    const first = new Inbox();
    const one = await client.subscribe(topic, { group, from: StartAt.earliest }, first.handler(false));
    await first.waitFor(4);
    await first.deliveries[0]?.ack();
    await first.deliveries[2]?.ack();
    await one.close();
    // Acks after close change nothing: the partition is no longer ours.
    await first.deliveries[1]?.ack();

    const second = new Inbox();
    const two = await client.subscribe(topic, { group }, second.handler());
    await second.waitFor(3);
    await sleep(300);
    await two.close();
    expect(second.values()).toEqual(["1", "2", "3"]);
  });

  it("prefetch bounds unsettled deliveries and keeps partition order", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "prefetch");
    await client.publish(topic, records(10));
    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.earliest, prefetch: 3 },
      sink.handler(false),
    );
    await sink.waitFor(3);
    await sleep(500);
    expect(sink.deliveries).toHaveLength(3);
    await sink.deliveries[1]?.ack();
    await sink.waitFor(4);
    for (const delivery of sink.deliveries) await delivery.ack();
    await sink.waitFor(10);
    for (const delivery of sink.deliveries.slice(4)) await delivery.ack();
    await subscription.close();
    expect(sink.values()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });
});

describe.each(KAFKA_CLIENTS)("%s groups", (_target, kafkaClient) => {
  it("two groups each receive everything; two consumers in one group split the partitions", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "groups", { partitions: 4 });
    const shared = uniqueName("shared");
    const a = new Inbox();
    const b = new Inbox();
    const other = new Inbox();
    const subA = await client.subscribe(topic, { group: shared }, a.handler());
    const subB = await client.subscribe(topic, { group: shared }, b.handler());
    const subOther = await client.subscribe(topic, { group: uniqueName("other") }, other.handler());
    // Both members must hold partitions before the test publishes, else one of them may get everything.
    const published = await client.publish(topic, records(40));
    expect(published).toHaveLength(40);
    await waitUntil(
      () => a.deliveries.length + b.deliveries.length === 40 && other.deliveries.length === 40,
      "40 + 40",
    );
    await sleep(300);
    await Promise.all([subA.close(), subB.close(), subOther.close()]);
    expect(a.deliveries.length).toBeGreaterThan(0);
    expect(b.deliveries.length).toBeGreaterThan(0);
    const partitionsA = new Set(a.deliveries.map((d) => d.position.partition));
    const partitionsB = new Set(b.deliveries.map((d) => d.position.partition));
    expect([...partitionsA].filter((p) => partitionsB.has(p))).toEqual([]);
    expect([...a.values(), ...b.values()].sort()).toEqual(other.values().sort());
  });

  it("a member whose prefetch window is full still lets another join and take partitions", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "held", { partitions: 2 });
    const group = uniqueName("g");
    const receipts = await client.publish(topic, records(20));
    const held = new Inbox();
    const holder = await client.subscribe(
      topic,
      { group, from: StartAt.earliest, prefetch: 1 },
      held.handler(false),
    );
    await held.waitFor(1);
    // The holder never settles: its one slot stays taken while the group rebalances around it.
    const joiner = new Inbox();
    const second = await client.subscribe(topic, { group, from: StartAt.earliest }, joiner.handler());
    await waitUntil(() => joiner.deliveries.length > 0, "the joining member's first delivery");
    const taken = new Set(joiner.deliveries.map((d) => d.position.partition));
    const expected = receipts.filter((r) => r.position && taken.has(r.position.partition)).length;
    await joiner.waitFor(expected);
    await Promise.all([holder.close(), second.close()]);
    expect(held.deliveries).toHaveLength(1);
    expect(taken.size).toBeGreaterThan(0);
    expect(joiner.deliveries).toHaveLength(expected);
  });

  it("close stops delivery", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "close");
    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.latest },
      sink.handler(),
    );
    await client.publish(topic, records(1));
    await sink.waitFor(1);
    await subscription.close();
    await client.publish(topic, records(2));
    await sleep(1000);
    expect(sink.deliveries).toHaveLength(1);
  });
});
