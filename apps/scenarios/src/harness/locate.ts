import type { MessageRecord, MessagingClient, PublishReceipt } from "@brokerlab/messaging";
import { batches, numberOf } from "@brokerlab/testing/harness";
import type { ScenarioContext } from "../context.js";

/**
 * Publishes numbered records (through `publisher`, default the scenario's client) and returns the partition each landed on, by record number. The publish
 * receipts say where when the broker reports it (Kafka); otherwise a reader consumes them to find out.
 */
export async function publishAndLocate(
  context: ScenarioContext,
  topic: string,
  records: readonly MessageRecord[],
  publisher: MessagingClient = context.client,
): Promise<Map<number, number>> {
  const receipts: PublishReceipt[] = [];
  for (const batch of batches(records, 50)) receipts.push(...(await publisher.publish(topic, batch)));
  context.progress(context.m.progress.published(records.length));
  const partitions = new Map<number, number>();
  if (receipts.length === records.length && receipts.every((receipt) => receipt.position)) {
    records.forEach((record, i) => {
      const position = receipts[i]?.position;
      if (position) partitions.set(Number(record.headers?.n), position.partition);
    });
    return partitions;
  }
  const wanted = new Set(records.map((record) => Number(record.headers?.n)));
  const reader = await context.consume(topic, {
    group: context.uniqueName("locate"),
    from: context.fromStart(),
  });
  await reader.inbox.waitForDistinct(wanted.size, 30_000, "reading back published records");
  await reader.subscription.close();
  for (const delivery of reader.inbox.deliveries) {
    if (wanted.has(numberOf(delivery))) partitions.set(numberOf(delivery), delivery.position.partition);
  }
  return partitions;
}
