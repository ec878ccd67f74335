import { describe, expect, it } from "vitest";
import { KAFKA_TARGET_DEFINITIONS } from "./kafka-target.js";

describe.each(KAFKA_TARGET_DEFINITIONS)("$id idempotentSettings", (kafkaTarget) => {
  it("switches the idempotent producer on, keeping where the brokers are", async () => {
    const settings = kafkaTarget.settings({ env: { BROKERLAB_KAFKA_BROKERS: "127.0.0.1:1" } });
    const idempotent = kafkaTarget.idempotentSettings?.(settings);
    expect(idempotent).toEqual({ ...settings, idempotent: true });
    // Its client publishes with acks=all only: asking for acks=1 is refused before anything is sent.
    const client = kafkaTarget.createClient(idempotent ?? settings);
    await expect(
      client.publish("t", [{ value: Buffer.from("x") }], { durability: "leader" }),
    ).rejects.toThrow(/acks=all only/);
    await client.close();
  });
});
