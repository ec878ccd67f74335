import { formatPosition, InvalidArgumentError, StartAt } from "@brokerlab/messaging";
import { consume, text, uniqueName, useTopic } from "@brokerlab/testing";
import { describe, expect, it } from "vitest";
import { STICKY_BATCH_BYTES } from "../src/index.js";
import { KAFKA_CLIENTS, storedProducerIds } from "./helpers.js";

const KIB = new Uint8Array(1024);

/** How many consecutive receipts share a partition, run by run. */
function runLengths(partitions: readonly (number | undefined)[]): number[] {
  const runs: number[] = [];
  partitions.forEach((partition, i) => {
    if (i > 0 && partitions[i - 1] === partition) runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    else runs.push(1);
  });
  return runs;
}

describe.each(KAFKA_CLIENTS)("%s producer options", (_target, kafkaClient) => {
  it("round-robin puts consecutive unkeyed records on different partitions", async () => {
    const client = await kafkaClient({ unkeyedPartitioning: "round-robin" });
    const topic = await useTopic(client, "round-robin", { partitions: 3 });
    const receipts = await client.publish(
      topic,
      Array.from({ length: 60 }, () => ({ value: KIB })),
    );
    const partitions = receipts.map((receipt) => receipt.position?.partition);
    expect(runLengths(partitions).every((run) => run === 1)).toBe(true);
    expect(new Set(partitions)).toEqual(new Set([0, 1, 2]));
  });

  it("sticky keeps a batch's worth of unkeyed records on one partition, across publishes", async () => {
    const client = await kafkaClient({ unkeyedPartitioning: "sticky" });
    const topic = await useTopic(client, "sticky", { partitions: 3 });
    const partitions: (number | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      const receipts = await client.publish(
        topic,
        Array.from({ length: 20 }, () => ({ value: KIB })),
      );
      partitions.push(...receipts.map((receipt) => receipt.position?.partition));
    }
    expect(runLengths(partitions)).toEqual(Array.from({ length: 10 }, () => STICKY_BATCH_BYTES / KIB.length));
    expect(new Set(partitions)).toEqual(new Set([0, 1, 2]));
    // Keys still decide where keyed records go.
    const [keyed] = await client.publish(topic, [{ key: "kafka", value: text("k") }]);
    expect(keyed?.position?.partition).toBe(1);
  });

  it("the idempotent producer stores its records under a producer id, at acks=all only", async () => {
    const client = await kafkaClient({ idempotent: true });
    const plain = await kafkaClient();
    const topic = await useTopic(client, "idempotent", { partitions: 2 });
    const receipts = await client.publish(
      topic,
      Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: text(String(i)) })),
    );
    expect(receipts.every((receipt) => receipt.position !== undefined)).toBe(true);
    await expect(client.publish(topic, [{ value: text("x") }], { durability: "leader" })).rejects.toThrow(
      InvalidArgumentError,
    );
    await plain.publish(topic, [{ key: "k0", value: text("plain") }]);

    const ids = await storedProducerIds(topic, 51);
    expect(ids).toHaveLength(51);
    expect(ids.filter((id) => id === "-1")).toHaveLength(1);
    expect(new Set(ids.filter((id) => id !== "-1")).size).toBe(1);
  });

  it("concurrent publishes of the idempotent producer each resolve with where their own record is stored", async () => {
    const client = await kafkaClient({ idempotent: true });
    const topic = await useTopic(client, "idempotent-concurrent", { partitions: 2 });
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client.publish(topic, [{ key: `k${i % 5}`, value: text(String(i)) }]),
      ),
    );
    const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: StartAt.earliest });
    const stored = new Map(
      (await inbox.waitFor(40)).map((d) => [Buffer.from(d.value).toString(), formatPosition(d.position)]),
    );
    const reported = sent.map((receipts) => receipts[0]?.position);
    expect(reported.map((position, i) => position && stored.get(String(i)))).toEqual(
      reported.map((position) => position && formatPosition(position)),
    );
    expect(new Set(stored.values()).size).toBe(40);
  });
});
