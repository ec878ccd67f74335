import { consume, numberedRecords, sleep, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import { QUIET_MS, type SuiteContext } from "../suite-context.js";

/** Every target: topics are isolated, deleting one leaves the client working, a closed subscription stops. */
export function topicCases({ start, open }: SuiteContext): void {
  it("keeps topics isolated from each other", async () => {
    const client = await open();
    const mine = await useTopic(client, "mine");
    const other = await useTopic(client, "other");
    const { inbox } = await consume(client, mine, { group: uniqueName("g"), from: start });
    await client.publish(other, numberedRecords(3, { label: "other" }));
    await client.publish(mine, numberedRecords(3, { label: "mine" }));
    await inbox.waitFor(3);
    await sleep(QUIET_MS);
    expect(inbox.deliveries.map((d) => d.value.toString())).toEqual(["mine-0", "mine-1", "mine-2"]);
  });

  it("keeps working on other topics after deleting one it used", async () => {
    const client = await open();
    const gone = uniqueName("gone");
    await client.createTopic(gone);
    await client.publish(gone, numberedRecords(1));
    await client.inspect(gone);
    await client.deleteTopic(gone);
    const topic = await useTopic(client, "after-delete");
    await client.publish(topic, numberedRecords(2));
    const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start });
    await inbox.waitFor(2);
    expect(inbox.numbers().sort()).toEqual([0, 1]);
  });

  it("stops delivering once the subscription is closed", async () => {
    const client = await open();
    const topic = await useTopic(client, "close");
    const { inbox, subscription } = await consume(client, topic, { group: uniqueName("g"), from: start });
    await client.publish(topic, numberedRecords(2));
    await inbox.waitFor(2);
    await subscription.close();
    await client.publish(topic, numberedRecords(3, { from: 2 }));
    await sleep(QUIET_MS);
    expect(inbox.numbers()).toEqual([0, 1]);
  });
}
