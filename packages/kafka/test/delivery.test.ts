import { type Delivery, StartAt } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { collector, freshTopic, kafkaClient, sleep, text, uniqueName, waitFor } from "./helpers.js";

const records = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: text(String(i)) }));

describe("kafka acknowledgement", () => {
  it("nack with requeue delivers the record again, marked redelivered; without requeue skips it", async () => {
    const client = await kafkaClient();
    const topic = await freshTopic(client, "nack");
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
    await waitFor(() => seen.length >= 4 && seen.some((d) => d.redelivered), "the redelivery");
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
    const topic = await freshTopic(client, "throw");
    await client.publish(topic, records(1));
    let calls = 0;
    const sink = collector();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.earliest },
      async (d) => {
        calls += 1;
        if (calls === 1) throw new Error("boom");
        await sink.handler(d);
      },
    );
    await waitFor(() => sink.received.length === 1, "the second attempt");
    await subscription.close();
    expect(sink.received[0]?.redelivered).toBe(true);
  });

  it("records delivered but not acknowledged go to the group's next consumer after close", async () => {
    const client = await kafkaClient();
    const topic = await freshTopic(client, "unacked");
    const group = uniqueName("g");
    await client.publish(topic, records(4));
    const first = collector({ ack: false });
    const one = await client.subscribe(topic, { group, from: StartAt.earliest }, first.handler);
    await waitFor(() => first.received.length === 4, "4 deliveries");
    await first.received[0]?.ack();
    await first.received[2]?.ack();
    await one.close();
    // Acks after close change nothing: the partition is no longer ours.
    await first.received[1]?.ack();

    const second = collector();
    const two = await client.subscribe(topic, { group }, second.handler);
    await waitFor(() => second.received.length === 3, "3 redeliveries");
    await sleep(300);
    await two.close();
    expect(second.values()).toEqual(["1", "2", "3"]);
  });

  it("prefetch bounds unsettled deliveries and keeps partition order", async () => {
    const client = await kafkaClient();
    const topic = await freshTopic(client, "prefetch");
    await client.publish(topic, records(10));
    const sink = collector({ ack: false });
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.earliest, prefetch: 3 },
      sink.handler,
    );
    await waitFor(() => sink.received.length === 3, "3 deliveries");
    await sleep(500);
    expect(sink.received).toHaveLength(3);
    await sink.received[1]?.ack();
    await waitFor(() => sink.received.length === 4, "a 4th delivery once a slot frees");
    for (const delivery of sink.received) await delivery.ack();
    await waitFor(() => sink.received.length === 10, "all deliveries");
    for (const delivery of sink.received.slice(4)) await delivery.ack();
    await subscription.close();
    expect(sink.values()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });
});

describe("kafka groups", () => {
  it("two groups each receive everything; two consumers in one group split the partitions", async () => {
    const client = await kafkaClient();
    const topic = await freshTopic(client, "groups", { partitions: 4 });
    const shared = uniqueName("shared");
    const a = collector();
    const b = collector();
    const other = collector();
    const subA = await client.subscribe(topic, { group: shared }, a.handler);
    const subB = await client.subscribe(topic, { group: shared }, b.handler);
    const subOther = await client.subscribe(topic, { group: uniqueName("other") }, other.handler);
    // Both members must hold partitions before the test publishes, else one of them may get everything.
    const published = await client.publish(topic, records(40));
    expect(published).toHaveLength(40);
    await waitFor(
      () => a.received.length + b.received.length === 40 && other.received.length === 40,
      "40 + 40",
    );
    await sleep(300);
    await Promise.all([subA.close(), subB.close(), subOther.close()]);
    expect(a.received.length).toBeGreaterThan(0);
    expect(b.received.length).toBeGreaterThan(0);
    const partitionsA = new Set(a.received.map((d) => d.position.partition));
    const partitionsB = new Set(b.received.map((d) => d.position.partition));
    expect([...partitionsA].filter((p) => partitionsB.has(p))).toEqual([]);
    expect([...a.values(), ...b.values()].sort()).toEqual(other.values().sort());
  });

  it("close stops delivery", async () => {
    const client = await kafkaClient();
    const topic = await freshTopic(client, "close");
    const sink = collector();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.latest },
      sink.handler,
    );
    await client.publish(topic, records(1));
    await waitFor(() => sink.received.length === 1, "1 delivery");
    await subscription.close();
    await client.publish(topic, records(2));
    await sleep(1000);
    expect(sink.received).toHaveLength(1);
  });
});
