import type { NativeRun } from "@brokerlab/messaging";

/** What the Java producer keeps per record in its accumulator beyond the value: record header, lengths, batch share. */
export const JAVA_RECORD_OVERHEAD_BYTES = 128;
/** The Java producer's default batch.size: its buffer must hold one batch at least. */
const JAVA_BATCH_BYTES = 16_384;

/**
 * ProducerPerformance's `buffer.memory` for a yardstick run: the bytes the adapter and raw loops keep outstanding
 * (`batchSize` records per call × `maxInflight` calls, each record with the Java client's own overhead). The Node
 * loops never have more than that window awaiting acknowledgement; with its default 32 MiB the Java tool would
 * keep about 28 000 1 KiB records in flight against their 800 to 3 200, and the comparison would be of window
 * sizes, not of clients. `send` blocks when the buffer is full, as the loops wait for an ack.
 */
export function producerBufferBytes(
  run: Pick<NativeRun, "batchSize" | "maxInflight" | "messageSize">,
): number {
  return Math.max(
    JAVA_BATCH_BYTES,
    run.batchSize * run.maxInflight * (run.messageSize + JAVA_RECORD_OVERHEAD_BYTES),
  );
}
