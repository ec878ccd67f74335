import { StartAt, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { consume, numberedRecords, text, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** redeliversUnacked: a nacked or abandoned record comes back, or nack with requeue is refused. */
export function redeliveryCases({ caps, start, open }: SuiteContext): void {
  if (caps.redeliversUnacked) {
    it("redelivers a record nacked with requeue", async () => {
      const client = await open();
      const topic = await useTopic(client, "nack");
      let nacked = false;
      const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start }, (delivery) => {
        if (nacked) return true;
        nacked = true;
        void delivery.nack({ requeue: true });
        return false;
      });
      await client.publish(topic, numberedRecords(1));
      const [first, again] = await inbox.waitFor(2);
      expect(first?.value.toString()).toBe("record-0");
      expect(again?.value.toString()).toBe("record-0");
      expect(again?.redelivered).toBe(true);
    });

    it("redelivers to the next consumer what a closed consumer never acknowledged", async () => {
      const client = await open();
      const topic = await useTopic(client, "unacked");
      const group = uniqueName("g");
      const first = await consume(client, topic, { group, from: start }, false);
      await client.publish(topic, numberedRecords(1));
      await first.inbox.waitFor(1);
      await first.subscription.close();
      const second = await consume(client, topic, { group, from: StartAt.committed });
      const [again] = await second.inbox.waitFor(1, 45_000);
      expect(again?.value.toString()).toBe("record-0");
    });

    it("close sends every pending ack first: nothing acknowledged comes back to the next consumer", async () => {
      const client = await open();
      const topic = await useTopic(client, "close-acks");
      const group = uniqueName("g");
      const count = 50;
      const first = await consume(client, topic, { group, from: start }, false);
      await client.publish(topic, numberedRecords(count));
      const received = await first.inbox.waitFor(count);
      // Acked and closed in the same turn, acks not awaited: they are still gathering when close() starts.
      const acks = received.map((delivery) => delivery.ack());
      await first.subscription.close();
      expect((await Promise.allSettled(acks)).filter((ack) => ack.status === "rejected")).toEqual([]);
      const second = await consume(client, topic, { group, from: StartAt.committed });
      await client.publish(topic, [{ key: null, value: text("after-close"), headers: { n: "marker" } }]);
      await second.inbox.waitFor(1, 45_000);
      expect(second.inbox.deliveries.map((delivery) => delivery.value.toString())).toEqual(["after-close"]);
    });
  } else {
    it("refuses nack with requeue, since it does not redeliver", async () => {
      const client = await open();
      const topic = await useTopic(client, "nack");
      const outcome: Promise<unknown>[] = [];
      const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start }, (delivery) => {
        outcome.push(delivery.nack({ requeue: true }).then(() => "settled"));
        return false;
      });
      await client.publish(topic, numberedRecords(1));
      await inbox.waitFor(1);
      await expect(outcome[0]).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    });
  }
}
