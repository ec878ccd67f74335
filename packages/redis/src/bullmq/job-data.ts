import type { MessageRecord } from "@brokerlab/messaging";
import type { JobsOptions, KeepJobs } from "bullmq";
import type { TopicSettings } from "../topic-settings.js";

/** A record as BullMQ job data (JSON): the value as base64 so every byte round-trips. */
export interface JobData {
  readonly k: string | null;
  readonly h: Record<string, string>;
  readonly v: string;
  readonly ts: number;
}

export function encodeJobData(record: MessageRecord, now: number): JobData {
  return {
    k: record.key ?? null,
    h: { ...record.headers },
    // A view, not a copy: base64 reads the bytes where they are.
    v: Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength).toString("base64"),
    ts: record.timestamp ?? now,
  };
}

export function decodeJobData(data: JobData): {
  key: string | null;
  headers: Record<string, string>;
  value: Buffer;
} {
  return { key: data.k ?? null, headers: data.h ?? {}, value: Buffer.from(data.v ?? "", "base64") };
}

/** Without a deliveryLimit a nack with requeue retries forever, as a queue's requeue does. */
export const UNLIMITED_ATTEMPTS = 2_147_483_647;

/**
 * Job options from the topic's settings: deliveryLimit = attempts; retention = how much of the completed and
 * failed history BullMQ keeps (age in seconds, rounded up; count). Without retention BullMQ keeps all history.
 */
export function jobOptions(settings: TopicSettings): JobsOptions {
  const keep = keepJobs(settings);
  return {
    attempts: settings.deliveryLimit ?? UNLIMITED_ATTEMPTS,
    ...(keep ? { removeOnComplete: keep, removeOnFail: keep } : {}),
  };
}

function keepJobs(settings: TopicSettings): KeepJobs | undefined {
  const age = settings.maxAgeMs === undefined ? undefined : Math.max(1, Math.ceil(settings.maxAgeMs / 1000));
  if (settings.maxCount !== undefined)
    return { count: settings.maxCount, ...(age !== undefined ? { age } : {}) };
  if (age !== undefined) return { age };
  return undefined;
}
