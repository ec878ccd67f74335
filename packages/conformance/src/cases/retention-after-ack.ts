import { consume, eventually, numberedRecords, sleep, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import { QUIET_MS, type SuiteContext } from "../suite-context.js";

/** retainsAfterAck: whether acknowledged records stay stored and readable by another group. */
export function retentionAfterAckCases({ caps, start, open }: SuiteContext): void {
  it(`after every record is acknowledged the broker ${caps.retainsAfterAck ? "still stores" : "no longer stores"} them`, async () => {
    const client = await open();
    const topic = await useTopic(client, "ack");
    const { inbox, subscription } = await consume(client, topic, { group: uniqueName("g"), from: start });
    await client.publish(topic, numberedRecords(10));
    await inbox.waitFor(10);
    await subscription.close();
    const expected = caps.retainsAfterAck ? 10 : 0;
    const state = await eventually(
      () => client.inspect(topic),
      (s) => s.stored === expected,
    );
    expect(state.stored).toBe(expected);
  });

  it(`a new subscriber ${caps.retainsAfterAck ? "receives" : "does not receive"} records another group already acknowledged`, async () => {
    const client = await open();
    const topic = await useTopic(client, "late");
    const early = await consume(client, topic, { group: uniqueName("early"), from: start });
    await client.publish(topic, numberedRecords(5));
    await early.inbox.waitFor(5);
    await early.subscription.close();
    const late = await consume(client, topic, { group: uniqueName("late"), from: start });
    if (caps.retainsAfterAck) {
      await late.inbox.waitFor(5);
      expect(late.inbox.numbers().sort()).toEqual([0, 1, 2, 3, 4]);
    } else {
      await sleep(QUIET_MS);
      expect(late.inbox.deliveries).toHaveLength(0);
    }
  });
}
