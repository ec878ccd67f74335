import { StartAt } from "@brokerlab/messaging";
import { Inbox, sleep, text, uniqueName, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { KAFKA_CLIENTS } from "./helpers.js";

const records = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({ key: `k${from + i}`, value: text(String(from + i)) }));

describe.each(KAFKA_CLIENTS)("%s inspection and lag", (_target, kafkaClient) => {
  it("inspects what each partition stores and keeps it after consumption", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "inspect", { partitions: 2 });
    const empty = await client.inspect(topic);
    expect(empty.stored).toBe(0);
    expect(empty.partitions.map((p) => p.first)).toEqual([undefined, undefined]);

    const receipts = await client.publish(topic, records(0, 10));
    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.earliest },
      sink.handler(),
    );
    await sink.waitFor(10);
    await subscription.close();

    const state = await client.inspect(topic);
    expect(state.stored).toBe(10);
    for (const partition of state.partitions) {
      const mine = receipts.filter((r) => r.position?.partition === partition.partition);
      expect(partition.stored).toBe(mine.length);
      if (mine.length > 0) {
        expect(partition.first).toEqual({ partition: partition.partition, offset: "0" });
        expect(partition.last).toEqual({ partition: partition.partition, offset: String(mine.length - 1) });
      }
    }
  });

  it("reports lag as log end minus committed, committing only the contiguous acknowledged prefix", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "lag");
    const group = uniqueName("g");
    await client.publish(topic, records(0, 10));
    expect((await client.lag(topic, group)).total).toBe(10);

    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group, from: StartAt.earliest },
      sink.handler(false),
    );
    await sink.waitFor(10);
    const at = (offset: number) => sink.deliveries.find((d) => d.position.offset === String(offset));
    // Out of order: 3 and 1 first, then 0 -> only 0..1 is a contiguous prefix, so the commit is offset 2.
    await at(3)?.ack();
    await at(1)?.ack();
    expect((await client.lag(topic, group)).total).toBe(10);
    await at(0)?.ack();
    expect(await client.lag(topic, group)).toEqual({
      topic,
      group,
      total: 8,
      partitions: [{ partition: 0, lag: 8 }],
    });
    await at(2)?.ack();
    expect((await client.lag(topic, group)).total).toBe(6);
    await subscription.close();
    expect((await client.inspect(topic)).stored).toBe(10);
  });
});

describe.each(KAFKA_CLIENTS)("%s start positions", (_target, kafkaClient) => {
  it("earliest reads everything, latest only what comes after subscribe resolves", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "start", { partitions: 2 });
    await client.publish(topic, records(0, 6));

    const early = new Inbox();
    const latest = new Inbox();
    const a = await client.subscribe(
      topic,
      { group: uniqueName("early"), from: StartAt.earliest },
      early.handler(),
    );
    const b = await client.subscribe(
      topic,
      { group: uniqueName("late"), from: StartAt.latest },
      latest.handler(),
    );
    await client.publish(topic, records(6, 8));
    await Promise.all([early.waitFor(8), latest.waitFor(2)]);
    await sleep(300);
    await Promise.all([a.close(), b.close()]);
    expect(early.values().sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7"]);
    expect(latest.values().sort()).toEqual(["6", "7"]);
  });

  it("committed resumes after the group's acknowledged records, falling back to earliest or latest", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "committed");
    const group = uniqueName("g");
    await client.publish(topic, records(0, 4));
    const first = new Inbox();
    const one = await client.subscribe(topic, { group }, first.handler());
    await first.waitFor(4);
    await one.close();

    await client.publish(topic, records(4, 6));
    const second = new Inbox();
    const two = await client.subscribe(topic, { group, from: StartAt.committed }, second.handler());
    await second.waitFor(2);
    await two.close();
    expect(second.values()).toEqual(["4", "5"]);

    const fresh = new Inbox();
    const three = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: { kind: "committed", fallback: "latest" } },
      fresh.handler(),
    );
    await client.publish(topic, records(6, 7));
    await fresh.waitFor(1);
    await three.close();
    expect(fresh.values()).toEqual(["6"]);
  });

  it("starts at an explicit position and at a timestamp", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "replay");
    const base = Date.now() - 100_000;
    await client.publish(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ value: text(String(i)), timestamp: base + i * 1000 })),
    );

    const fromPosition = new Inbox();
    const a = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.position({ partition: 0, offset: "5" }) },
      fromPosition.handler(),
    );
    const fromTime = new Inbox();
    const b = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: StartAt.timestamp(base + 7000) },
      fromTime.handler(),
    );
    await Promise.all([fromPosition.waitFor(5), fromTime.waitFor(3)]);
    await sleep(300);
    await Promise.all([a.close(), b.close()]);
    expect(fromPosition.values()).toEqual(["5", "6", "7", "8", "9"]);
    expect(fromPosition.deliveries[0]?.position).toEqual({ partition: 0, offset: "5" });
    expect(fromTime.values()).toEqual(["7", "8", "9"]);
    await expect(
      client.subscribe(
        topic,
        { group: uniqueName("g"), from: StartAt.position({ partition: 3, offset: "0" }) },
        () => {},
      ),
    ).rejects.toThrow(/partition topic .* does not have/);
  });
});
