import {
  ClosedError,
  type DurabilityLevel,
  InvalidArgumentError,
  type MessageRecord,
  type MessagingClient,
  NotFoundError,
} from "@brokerlab/messaging";
import { numberedRecords, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/**
 * Every target: the same mistake gives the same class and code. A topic never created is refused at every
 * durability the target declares (none included: no record vanishes, no topic is made on the fly), a record
 * that is not a record is refused before it reaches the broker, and a closed client says so.
 */
export function contractErrorCases({ caps, start, open }: SuiteContext): void {
  for (const durability of caps.durability) {
    it(`refuses a publish at durability "${durability}" to a topic never created with BROKERLAB_NOT_FOUND, creating nothing`, async () => {
      const client = await open();
      const missing = uniqueName("missing");
      const refused = client.publish(missing, numberedRecords(3), { durability });
      await expect(refused).rejects.toBeInstanceOf(NotFoundError);
      await expect(refused).rejects.toMatchObject({ code: "BROKERLAB_NOT_FOUND", topic: missing });
      await expectNothingStored(client, missing, durability);
    });
  }

  it("refuses a subscription to a topic never created with BROKERLAB_NOT_FOUND", async () => {
    const client = await open();
    const missing = uniqueName("missing");
    const refused = client.subscribe(missing, { group: uniqueName("g"), from: start }, () => {});
    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toMatchObject({ code: "BROKERLAB_NOT_FOUND", topic: missing });
  });

  it("refuses a text value, an empty topic name and an empty createTopic with BROKERLAB_INVALID_ARGUMENT", async () => {
    const client = await open();
    const topic = await useTopic(client, "invalid");
    const textValue = [{ value: "not binary" }] as unknown as MessageRecord[];
    for (const refused of [
      client.publish(topic, textValue),
      client.publish("", numberedRecords(1)),
      client.createTopic(""),
    ]) {
      await expect(refused).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(refused).rejects.toMatchObject({ code: "BROKERLAB_INVALID_ARGUMENT" });
    }
    expect((await client.inspect(topic)).stored).toBe(0);
  });

  it("rejects publish, subscribe and createTopic after close with BROKERLAB_CLOSED", async () => {
    const client = await open();
    await client.close();
    // Closed comes first: the topic need not exist.
    const topic = uniqueName("closed");
    for (const refused of [
      client.publish(topic, numberedRecords(1)),
      client.subscribe(topic, { group: uniqueName("g"), from: start }, () => {}),
      client.createTopic(topic),
    ]) {
      await expect(refused).rejects.toBeInstanceOf(ClosedError);
      await expect(refused).rejects.toMatchObject({ code: "BROKERLAB_CLOSED" });
    }
  });
}

/** The refused publish left nothing behind: creating the topic now finds it empty. */
async function expectNothingStored(client: MessagingClient, topic: string, durability: DurabilityLevel) {
  await client.createTopic(topic);
  try {
    expect((await client.inspect(topic)).stored, `stored after a refused "${durability}" publish`).toBe(0);
  } finally {
    await client.deleteTopic(topic);
  }
}
