import { describe, expect, it } from "vitest";
import { consume, records, useClient, useTopic } from "./helpers.js";

describe("redis-list", () => {
  it("keeps only the newest maxCount items (LTRIM on publish), delivered oldest first", async () => {
    const client = await useClient("redis-list");
    const topic = await useTopic(client, "ltrim", { retention: { maxCount: 5 } });
    await client.publish(topic, records(20));
    expect((await client.inspect(topic)).stored).toBe(5);
    const { inbox } = await consume(client, topic, { group: "g" });
    const deliveries = await inbox.waitFor(5);
    expect(deliveries.map((d) => d.headers.n)).toEqual(["15", "16", "17", "18", "19"]);
  });

  it("puts a record nacked with requeue back at the head, so it comes next, marked redelivered", async () => {
    const client = await useClient("redis-list");
    const topic = await useTopic(client, "requeue");
    let nacked = false;
    const { inbox } = await consume(client, topic, { group: "g", prefetch: 1 }, (delivery) => {
      if (nacked) return true;
      nacked = true;
      void delivery.nack({ requeue: true });
      return false;
    });
    await client.publish(topic, records(3));
    const deliveries = await inbox.waitFor(4);
    expect(deliveries.map((d) => [d.headers.n, d.redelivered])).toEqual([
      ["0", false],
      ["0", true],
      ["1", false],
      ["2", false],
    ]);
    expect(deliveries[1]?.position).toEqual(deliveries[0]?.position);
  });

  it("counts unacknowledged items in the processing lists as stored, and drops a record nacked without requeue", async () => {
    const client = await useClient("redis-list");
    const topic = await useTopic(client, "processing");
    const { inbox } = await consume(client, topic, { group: "g", prefetch: 2 }, () => false);
    await client.publish(topic, records(3));
    const [first] = await inbox.waitFor(2);
    const state = await client.inspect(topic);
    expect(state.stored).toBe(3);
    await first?.nack({ requeue: false });
    await inbox.waitFor(3);
    expect((await client.inspect(topic)).stored).toBe(2);
    expect((await client.lag(topic, "any")).total).toBe(2);
  });

  it("gives records from two publishing clients distinct positions and delivers each once, in order per client", async () => {
    const first = await useClient("redis-list");
    const second = await useClient("redis-list");
    const topic = await useTopic(first, "two-publishers");
    await first.publish(topic, records(3));
    await second.publish(topic, records(3, 3));
    await first.publish(topic, records(2, 6));
    const { inbox } = await consume(first, topic, { group: "g" });
    const deliveries = await inbox.waitFor(8);
    expect(deliveries.map((d) => d.headers.n)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7"]);
    expect(new Set(deliveries.map((d) => d.position.offset)).size).toBe(8);
    expect(deliveries.every((d) => !d.redelivered)).toBe(true);
  });
});
