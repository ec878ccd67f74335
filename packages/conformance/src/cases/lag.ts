import { consume, eventually, numberedRecords, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** Every target: a group's lag counts what it has not acknowledged. */
export function lagCases({ start, open }: SuiteContext): void {
  it("reports a group's lag as the records it has not acknowledged", async () => {
    const client = await open();
    const topic = await useTopic(client, "lag");
    const group = uniqueName("g");
    await client.publish(topic, numberedRecords(10));
    let acked = 0;
    const { inbox, subscription } = await consume(client, topic, { group, from: start, prefetch: 1 }, () => {
      acked += 1;
      return acked <= 4;
    });
    await inbox.waitFor(5);
    await subscription.close();
    const lag = await eventually(
      () => client.lag(topic, group),
      (l) => l.total === 6,
    );
    expect(lag.total).toBe(6);
    expect(lag.group).toBe(group);
  });
}
