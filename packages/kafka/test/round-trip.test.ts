import {
  ClosedError,
  formatPosition,
  InvalidArgumentError,
  type MessageRecord,
  NotFoundError,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { Inbox, text, uniqueName, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { KAFKA_CLIENTS, kafkaClient } from "./helpers.js";

describe("kafka round trip", () => {
  it("delivers keys, null keys, headers, binary values and producer timestamps intact", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "roundtrip", { partitions: 3 });
    const binary = new Uint8Array(256).map((_, i) => i);
    const timestamp = Date.now() - 60_000;
    const records: MessageRecord[] = [
      {
        key: "k1",
        value: binary,
        headers: { "content-type": "application/octet-stream", "x-ü": "wert ✓" },
        timestamp,
      },
      { key: null, value: text("no key") },
      { value: new Uint8Array(0), headers: { empty: "" } },
    ];
    const receipts = await client.publish(topic, records);
    expect(receipts).toHaveLength(3);
    for (const receipt of receipts) expect(receipt.position).toBeDefined();

    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: { kind: "earliest" } },
      sink.handler(),
    );
    await sink.waitFor(3);
    await subscription.close();

    const byPosition = new Map(sink.deliveries.map((d) => [formatPosition(d.position), d]));
    const first = byPosition.get(formatPosition(receipts[0]?.position ?? { partition: -1, offset: "" }));
    expect(first?.key).toBe("k1");
    expect([...(first?.value ?? [])]).toEqual([...binary]);
    expect(first?.headers).toEqual({ "content-type": "application/octet-stream", "x-ü": "wert ✓" });
    expect(first?.timestamp).toBe(timestamp);
    expect(first?.redelivered).toBe(false);
    expect(first?.topic).toBe(topic);
    const second = byPosition.get(formatPosition(receipts[1]?.position ?? { partition: -1, offset: "" }));
    expect(second?.key).toBeNull();
    expect(Buffer.from(second?.value ?? []).toString()).toBe("no key");
    const third = byPosition.get(formatPosition(receipts[2]?.position ?? { partition: -1, offset: "" }));
    expect(third?.value.length).toBe(0);
    expect(third?.headers).toEqual({ empty: "" });
  });

  it("carries a 1 MiB record", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "big");
    const value = Buffer.alloc(1024 * 1024, 7);
    value[0] = 1;
    value[value.length - 1] = 9;
    await client.publish(topic, [{ key: "big", value }]);
    const sink = new Inbox();
    const subscription = await client.subscribe(
      topic,
      { group: uniqueName("g"), from: { kind: "earliest" } },
      sink.handler(),
    );
    await sink.waitFor(1);
    await subscription.close();
    expect(Buffer.compare(sink.deliveries[0]?.value ?? Buffer.alloc(0), value)).toBe(0);
  });

  it("maps durability to acks: none gives no positions, leader does; one broker refuses replicated", async () => {
    const client = await kafkaClient();
    const topic = await useTopic(client, "acks");
    const none = await client.publish(topic, [{ value: text("a") }], { durability: "none" });
    const leader = await client.publish(topic, [{ value: text("b") }, { value: text("c") }], {
      durability: "leader",
    });
    expect(none).toEqual([{}]);
    expect(leader[0]?.position?.partition).toBe(0);
    const leaderOffset = BigInt(leader[0]?.position?.offset ?? "-1");
    expect(leader[1]?.position?.offset).toBe(String(leaderOffset + 1n));
    const refused = client.publish(topic, [{ value: text("d") }], { durability: "replicated" });
    await expect(refused).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    await expect(refused).rejects.toThrow(/replicated needs the cluster: .*--cluster/);
    const state = await client.inspect(topic);
    expect(state.stored).toBe(3);
  });

  it.each(KAFKA_CLIENTS)(
    "%s refuses to publish to (at every acks level) or subscribe to a topic that does not exist",
    async (_, open) => {
      const client = await open();
      const topic = uniqueName("missing");
      await expect(client.subscribe(topic, { group: "g" }, () => {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.inspect(topic)).rejects.toMatchObject({ code: "BROKERLAB_NOT_FOUND" });
      for (const durability of client.capabilities.durability) {
        await expect(client.publish(topic, [{ value: text("x") }], { durability })).rejects.toThrow(
          new NotFoundError(topic, client.address),
        );
      }
    },
  );

  it.each(KAFKA_CLIENTS)("%s refuses empty topic names and text values before sending", async (_, open) => {
    const client = await open();
    const topic = await useTopic(client, "invalid");
    await expect(client.createTopic("")).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.publish("", [{ value: text("x") }])).rejects.toBeInstanceOf(InvalidArgumentError);
    const textValue = [{ value: "x" }] as unknown as MessageRecord[];
    await expect(client.publish(topic, textValue)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect((await client.inspect(topic)).stored).toBe(0);
  });

  it.each(KAFKA_CLIENTS)("%s rejects every call after close with ClosedError", async (_, open) => {
    const client = await open();
    // The checks after close come first: the topic need not exist.
    const topic = uniqueName("closed");
    await client.close();
    await expect(client.publish(topic, [{ value: text("x") }])).rejects.toBeInstanceOf(ClosedError);
    await expect(client.subscribe(topic, { group: "g" }, () => {})).rejects.toBeInstanceOf(ClosedError);
    await expect(client.createTopic(topic)).rejects.toBeInstanceOf(ClosedError);
    await expect(client.inspect(topic)).rejects.toBeInstanceOf(ClosedError);
  });
});
