import type { Admin } from "kafkajs";
import { isRetriable } from "../kafka-errors.js";

/** How long a new topic may take to get its leaders before the yardstick gives up. */
const CREATE_MS = 30_000;

/**
 * Creates a yardstick topic and waits for its leaders. On a loaded broker the new partitions take longer to
 * appear than kafkajs' own retries wait: it gives up with its retries exhausted around a retriable error ("This
 * server does not host this topic-partition"), which is tried again here, so the raw and native paths do not
 * fail where the broker only needed a few more seconds.
 */
export async function createBenchTopic(admin: Admin, topic: string, partitions: number): Promise<void> {
  const until = performance.now() + CREATE_MS;
  for (;;) {
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
      return;
    } catch (error) {
      const cause = error instanceof Error ? (error as { originalError?: unknown }).originalError : undefined;
      if (!(isRetriable(error) || isRetriable(cause)) || performance.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
