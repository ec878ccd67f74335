import { consume, numberedRecords, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** deadLettering: a record nacked without requeue reaches the dead-letter destination. */
export function deadLetteringCases({ caps, start, open }: SuiteContext): void {
  if (caps.deadLettering) {
    it("dead-letters a record nacked without requeue", async () => {
      const client = await open();
      const deadLetters = await useTopic(client, "dlq");
      const topic = await useTopic(client, "dl-source", { deadLetterTopic: deadLetters });
      const source = await consume(client, topic, { group: uniqueName("g"), from: start }, (delivery) => {
        void delivery.nack({ requeue: false });
        return false;
      });
      await client.publish(topic, numberedRecords(1));
      await source.inbox.waitFor(1);
      const dead = await consume(client, deadLetters, { group: uniqueName("dl"), from: start });
      const [record] = await dead.inbox.waitFor(1, 30_000);
      expect(record?.value.toString()).toBe("record-0");
    });
  }
}
