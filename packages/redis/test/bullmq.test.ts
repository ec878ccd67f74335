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
});
