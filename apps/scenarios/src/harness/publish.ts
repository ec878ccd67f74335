import type { DurabilityLevel, MessageRecord, PublishReceipt } from "@brokerlab/messaging";
import { batches } from "@brokerlab/testing/harness";
import type { ScenarioContext } from "../context.js";

/** Publishes `records` in batches, each awaited, and reports how many went out. */
export async function publishAll(
  context: ScenarioContext,
  topic: string,
  records: readonly MessageRecord[],
  options: { batch?: number; durability?: DurabilityLevel } = {},
): Promise<PublishReceipt[]> {
  const receipts: PublishReceipt[] = [];
  const publishOptions = options.durability ? { durability: options.durability } : undefined;
  for (const batch of batches(records, options.batch ?? 50)) {
    receipts.push(...(await context.client.publish(topic, batch, publishOptions)));
  }
  context.progress(context.m.progress.published(records.length));
  return receipts;
}
