import {
  StartAt,
  type StartPosition,
  type StartPositionKind,
  UnsupportedCapabilityError,
} from "@brokerlab/messaging";
import { consume, numberedRecords, numberOf, sleep, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import { QUIET_MS, type SuiteContext } from "../suite-context.js";

/**
 * startPositions: earliest, latest, an explicit position, a timestamp, committed. Long on purpose: a flat
 * list of independent cases, one per start position, each declared where the capabilities say so.
 */
export function startPositionCases({ target, caps, start, open }: SuiteContext): void {
  if (caps.startPositions.includes("earliest")) {
    it("starts at the earliest record", async () => {
      const client = await open();
      const topic = await useTopic(client, "earliest");
      await client.publish(topic, numberedRecords(5));
      const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: StartAt.earliest });
      await inbox.waitFor(5);
      expect(inbox.numbers()).toEqual([0, 1, 2, 3, 4]);
    });
  }

  if (caps.startPositions.includes("latest")) {
    it("starts after the last record when asked for latest", async () => {
      const client = await open();
      const topic = await useTopic(client, "latest");
      await client.publish(topic, numberedRecords(5));
      const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: StartAt.latest });
      await client.publish(topic, numberedRecords(5, { from: 5 }));
      await inbox.waitFor(5);
      await sleep(QUIET_MS);
      expect(inbox.numbers()).toEqual([5, 6, 7, 8, 9]);
    });
  }

  if (caps.startPositions.includes("position")) {
    it("replays from an explicit position", async () => {
      const client = await open();
      const topic = await useTopic(client, "position");
      await client.publish(topic, numberedRecords(10));
      const scout = await consume(client, topic, { group: uniqueName("scout"), from: start });
      const seen = await scout.inbox.waitFor(10);
      const fifth = seen.find((d) => numberOf(d) === 5);
      if (!fifth) throw new Error(`record 5 not among ${seen.map(numberOf).join(",")}`);
      const { inbox } = await consume(client, topic, {
        group: uniqueName("replay"),
        from: StartAt.position(fifth.position),
      });
      await inbox.waitFor(5);
      await sleep(QUIET_MS);
      expect(inbox.numbers()).toEqual([5, 6, 7, 8, 9]);
      expect(inbox.deliveries[0]?.position).toEqual(fifth.position);
    });
  }

  if (caps.startPositions.includes("timestamp")) {
    it("replays from a timestamp", async () => {
      const client = await open();
      const topic = await useTopic(client, "timestamp");
      await client.publish(topic, numberedRecords(5));
      await sleep(50);
      const cut = Date.now();
      await sleep(50);
      await client.publish(topic, numberedRecords(5, { from: 5 }));
      const { inbox } = await consume(client, topic, {
        group: uniqueName("g"),
        from: StartAt.timestamp(cut),
      });
      await inbox.waitFor(5);
      await sleep(QUIET_MS);
      expect(inbox.numbers()).toEqual([5, 6, 7, 8, 9]);
    });
  }

  if (caps.startPositions.includes("committed")) {
    it("resumes a group where it last acknowledged", async () => {
      const client = await open();
      const topic = await useTopic(client, "committed");
      const group = uniqueName("g");
      await client.publish(topic, numberedRecords(4));
      const first = await consume(client, topic, { group, from: start });
      await first.inbox.waitFor(4);
      await first.subscription.close();
      await client.publish(topic, numberedRecords(3, { from: 4 }));
      const second = await consume(client, topic, { group, from: StartAt.committed });
      await second.inbox.waitFor(3);
      await sleep(QUIET_MS);
      expect(second.inbox.numbers()).toEqual([4, 5, 6]);
    });
  }

  // "committed" is left out: every target can resume a group or read a queue from its head.
  const refusable: readonly StartPositionKind[] = ["earliest", "latest", "position", "timestamp"];
  for (const kind of refusable) {
    if (!caps.startPositions.includes(kind)) {
      it(`refuses start position "${kind}" with the typed error`, async () => {
        const client = await open();
        const topic = await useTopic(client, "refuse");
        const from: StartPosition =
          kind === "position"
            ? StartAt.position({ partition: 0, offset: "1" })
            : kind === "timestamp"
              ? StartAt.timestamp(Date.now())
              : { kind };
        const attempt = client.subscribe(topic, { group: uniqueName("g"), from }, () => {});
        await expect(attempt).rejects.toBeInstanceOf(UnsupportedCapabilityError);
        await expect(attempt).rejects.toMatchObject({ code: "BROKERLAB_UNSUPPORTED_CAPABILITY", target });
      });
    }
  }
}
