import { publishAndLocate } from "../harness/locate.js";
import { scenarioRecords } from "../harness/records.js";
import type { Outcome, Scenario } from "../scenario.js";
import { partitionedTopic } from "./partitioning.js";

const FROM = 3;
const TO = 6;
const KEYS = 60;

export const partitionsIncrease: Scenario = {
  name: "partitions-increase",
  texts: (m) => m.partitionsIncrease,
  params: () => ({ from: FROM, to: TO, keys: KEYS }),
  async run(context): Promise<Outcome> {
    const { topic, refusal } = await partitionedTopic(context, "grow", FROM);
    const t = context.m.partitionsIncrease;
    if (refusal) return { supported: false, reason: refusal, summary: t.noPartitions };
    const keyOf = (i: number) => `account-${i % KEYS}`;
    const before = await publishAndLocate(context, topic, scenarioRecords(KEYS, { keyOf }));
    context.metrics.partitionsBefore = (await context.client.inspect(topic)).partitions.length;

    // Asked even where undeclared: the adapter's refusal (UnsupportedCapabilityError) is the result.
    await context.client.addPartitions(topic, TO);
    context.metrics.partitionsAfter = (await context.client.inspect(topic)).partitions.length;
    context.progress(t.grew(FROM, TO));
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
      summary: t.summary({
        from: FROM,
        to: Number(context.metrics.partitionsAfter),
        refused: context.metrics.decreaseRefused === true,
        moved,
        keys: KEYS,
        sameProducer: context.metrics.keysMovedSameProducer,
      }),
    };
  },
};
