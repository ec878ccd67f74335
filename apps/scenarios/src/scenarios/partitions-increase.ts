import { publishAndLocate } from "../harness/locate.js";
import { scenarioRecords } from "../harness/records.js";
import type { Outcome, Scenario } from "../scenario.js";
import { partitionedTopic } from "./partitioning.js";

const FROM = 3;
const TO = 6;
const KEYS = 60;

export const partitionsIncrease: Scenario = {
  name: "partitions-increase",
  title: "Adding partitions: allowed, removing them is not — and keys move",
  explanation:
    "Kafka can add partitions to a topic but never remove them; since a key's partition is hash(key) mod partitions, adding partitions sends some existing keys to a new partition, so per-key order across the change is no longer guaranteed.",
  params: () => ({ from: FROM, to: TO, keys: KEYS }),
  async run(context): Promise<Outcome> {
    const { topic, refusal } = await partitionedTopic(context, "grow", FROM);
    if (refusal) return { supported: false, reason: refusal, summary: "no partitions to add" };
    const keyOf = (i: number) => `account-${i % KEYS}`;
    const before = await publishAndLocate(context, topic, scenarioRecords(KEYS, { keyOf }));
    context.metrics.partitionsBefore = (await context.client.inspect(topic)).partitions.length;

    // Asked even where undeclared: the adapter's refusal (UnsupportedCapabilityError) is the result.
    await context.client.addPartitions(topic, TO);
    context.metrics.partitionsAfter = (await context.client.inspect(topic)).partitions.length;
    context.progress(`grew ${FROM} → ${TO} partitions; publishing the same keys again`);
    // The running producer and a freshly started one: a producer only learns of new partitions when it
    // refreshes its metadata, so the two can disagree for a while.
    const sameProducer = await publishAndLocate(context, topic, scenarioRecords(KEYS, { from: KEYS, keyOf }));
    const newProducer = await publishAndLocate(
      context,
      topic,
      scenarioRecords(KEYS, { from: 2 * KEYS, keyOf }),
      await context.otherClient(),
    );
    const movedBy = (after: Map<number, number>, offset: number) =>
      Array.from({ length: KEYS }, (_, key) => key).filter(
        (key) => before.get(key) !== after.get(offset + key),
      ).length;
    const moved = movedBy(newProducer, 2 * KEYS);
    context.metrics.keys = KEYS;
    context.metrics.keysMoved = moved;
    context.metrics.keysMovedFraction = Number((moved / KEYS).toFixed(2));
    context.metrics.keysMovedSameProducer = movedBy(sameProducer, KEYS);

    try {
      await context.client.addPartitions(topic, FROM);
      context.metrics.decreaseRefused = false;
    } catch (error) {
      context.metrics.decreaseRefused = true;
      context.metrics.decreaseError =
        (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    }
    context.metrics.partitionsAfterDecrease = (await context.client.inspect(topic)).partitions.length;
    return {
      summary: `${FROM} → ${context.metrics.partitionsAfter} partitions worked, ${TO} → ${FROM} ${
        context.metrics.decreaseRefused ? "was refused" : "was accepted"
      }; ${moved}/${KEYS} keys now map to another partition (${context.metrics.keysMovedSameProducer} for the producer that was already running)`,
    };
  },
};
