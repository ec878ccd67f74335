import { DURABILITY_LEVELS, UnsupportedCapabilityError } from "@brokerlab/messaging";
import { consume, numberedRecords, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** durability: every declared level publishes, every other level is refused with the typed error. */
export function durabilityCases({ caps, start, open }: SuiteContext): void {
  for (const level of DURABILITY_LEVELS) {
    if (caps.durability.includes(level)) {
      it(`publishes at durability "${level}" and the record is consumable`, async () => {
        const client = await open();
        const topic = await useTopic(client, `dur-${level}`);
        await client.publish(topic, numberedRecords(3), { durability: level });
        const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start });
        await inbox.waitFor(3);
        expect(new Set(inbox.numbers())).toEqual(new Set([0, 1, 2]));
      });
    } else {
      it(`refuses durability "${level}" with the typed error`, async () => {
        const client = await open();
        const topic = await useTopic(client, `dur-${level}`);
        await expect(client.publish(topic, numberedRecords(1), { durability: level })).rejects.toBeInstanceOf(
          UnsupportedCapabilityError,
        );
      });
    }
  }
}
