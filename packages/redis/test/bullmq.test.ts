import { describe, expect, it } from "vitest";
import { consume, eventually, records, useClient, useTopic } from "./helpers.js";

describe("bullmq", () => {
  it("reports what the completed and failed sets keep, apart from what is still deliverable", async () => {
    const client = await useClient("bullmq");
    const topic = await useTopic(client, "history");
    const { inbox } = await consume(client, topic, { group: "g" }, (delivery) => {
      if (delivery.headers.n !== "3") return true;
      void delivery.nack({ requeue: false });
      return false;
    });
    await client.publish(topic, records(4));
    await inbox.waitFor(4);
    const state = await eventually(
      () => client.inspect(topic),
      (s) => s.history?.completed === 3 && s.history?.failed === 1,
    );
    expect(state.stored).toBe(0);
    expect(state.history).toEqual({ completed: 3, failed: 1 });
    expect(inbox.deliveries.filter((d) => d.redelivered)).toHaveLength(0);
  });

  it("trims the completed history to retention.maxCount (removeOnComplete)", async () => {
    const client = await useClient("bullmq");
    const topic = await useTopic(client, "keep", { retention: { maxCount: 2 } });
    const { inbox } = await consume(client, topic, { group: "g" });
    await client.publish(topic, records(6));
    await inbox.waitFor(6);
    const state = await eventually(
      () => client.inspect(topic),
      (s) => s.history?.completed === 2,
    );
    expect(state.history?.completed).toBe(2);
  });

  it("retries a job nacked with requeue until deliveryLimit attempts, then keeps it in the failed set", async () => {
    const client = await useClient("bullmq");
    const topic = await useTopic(client, "attempts", { deliveryLimit: 2 });
    const { inbox } = await consume(client, topic, { group: "g" }, (delivery) => {
      void delivery.nack({ requeue: true });
      return false;
    });
    await client.publish(topic, records(1));
    const deliveries = await inbox.waitFor(2);
    expect(deliveries.map((d) => d.redelivered)).toEqual([false, true]);
    const state = await eventually(
      () => client.inspect(topic),
      (s) => s.history?.failed === 1,
    );
    expect(state.history?.failed).toBe(1);
    expect(inbox.deliveries).toHaveLength(2);
  });

  it("hands out up to prefetch unacknowledged jobs, beyond the worker's first fetch window, and no more", async () => {
    const client = await useClient("bullmq");
    const topic = await useTopic(client, "window");
    const { inbox } = await consume(client, topic, { group: "g", prefetch: 150 }, () => false);
    await client.publish(topic, records(200));
    const held = await inbox.waitFor(150);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.deliveries).toHaveLength(150);
    for (const delivery of held.slice(0, 20)) await delivery.ack();
    await inbox.waitFor(170);
    expect(new Set(inbox.deliveries.map((d) => d.headers.n)).size).toBe(170);
  });
});
