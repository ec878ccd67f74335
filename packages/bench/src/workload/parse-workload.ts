import { DURABILITY_LEVELS, type DurabilityLevel, type TargetId } from "@brokerlab/messaging";
import {
  type DurabilityChoice,
  KEY_DISTRIBUTORS,
  type KeyDistributorType,
  type Workload,
} from "./workload.js";

/** 512 MiB: the most any broker here accepts in one record. */
export const MAX_MESSAGE_SIZE = 512 * 1024 * 1024;
/** A day: longer is a typo (10^9 s would run for decades), not a benchmark. */
export const MAX_DURATION_SECONDS = 86_400;

/** A workload that failed validation: one line per bad field. */
export class WorkloadError extends Error {
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(problems.map((problem) => `${source}: ${problem}`).join("\n"));
    this.name = "WorkloadError";
    this.problems = problems;
  }
}

export interface ParsedWorkload {
  readonly workload: Workload;
  /** Fields accepted for OMB compatibility but without effect here. */
  readonly warnings: readonly string[];
}

/** OMB fields that some OMB versions and forks carry; accepted so their files run, reported as ignored. */
const IGNORED_OMB_FIELDS = new Set([
  "messageRateReceivedForSubscription",
  "producerStartRate",
  "acceptableBacklog",
  "producerIncrementRate",
  "producerIncrementSeconds",
  "producerPauseBeforeDrain",
  "producerPauseDuringDrain",
  "backlogDrainRatio",
]);

const KNOWN_FIELDS = new Set([
  "name",
  "topics",
  "partitionsPerTopic",
  "messageSize",
  "payloadFile",
  "useRandomizedPayloads",
  "randomBytesRatio",
  "randomizedPayloadPoolSize",
  "keyDistributor",
  "subscriptionsPerTopic",
  "producersPerTopic",
  "consumerPerSubscription",
  "producerRate",
  "consumerBacklogSizeGB",
  "testDurationMinutes",
  "warmupDurationMinutes",
  "testDurationSeconds",
  "warmupDurationSeconds",
  "durability",
  "publishBatchSize",
  "maxInflightPublishes",
  "consumerPrefetch",
]);

type Raw = Record<string, unknown>;

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

/**
 * Validates a parsed YAML document as a workload. `source` names the file in messages; `targets` are the ids
 * a per-target durability may name. Throws {@link WorkloadError} listing every bad field, each with the value
 * and what is expected.
 */
export function parseWorkload(
  document: unknown,
  source: string,
  targets: readonly TargetId[],
): ParsedWorkload {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new WorkloadError(source, [
      "expected a YAML mapping of workload fields (name, topics, messageSize, …)",
    ]);
  }
  const raw = document as Raw;
  const problems: string[] = [];
  const warnings = checkFieldNames(raw, problems);
  const read = fieldReader(raw, problems);
  // Each section in the order of the fields in the file format, so the problems list in that order too.
  const { name, payloadFile, keyDistributor } = readTexts(raw, problems);
  const topics = read.number("topics", undefined, 1, "an integer ≥ 1");
  const partitionsPerTopic = read.number("partitionsPerTopic", 1, 1, "an integer ≥ 1");
  const payload = readPayload(read, problems);
  const clients = readClients(read);
  const rates = readRates(read);
  const { testSeconds, warmupSeconds } = readDurations(raw, read, problems);
  const durability = parseDurability(raw.durability, targets, problems);

  if (problems.length > 0) throw new WorkloadError(source, problems);
  return {
    warnings,
    workload: {
      name: typeof name === "string" ? name : source,
      topics,
      partitionsPerTopic,
      messageSize: payload.messageSize,
      ...(typeof payloadFile === "string" ? { payloadFile } : {}),
      useRandomizedPayloads: payload.useRandomizedPayloads,
      randomBytesRatio: payload.randomBytesRatio,
      randomizedPayloadPoolSize: payload.randomizedPayloadPoolSize,
      keyDistributor: keyDistributor as KeyDistributorType,
      ...clients,
      producerRate: rates.producerRate,
      consumerBacklogSizeGB: rates.consumerBacklogSizeGB,
      testDurationSeconds: testSeconds,
      warmupDurationSeconds: warmupSeconds,
      durability,
      publishBatchSize: rates.publishBatchSize,
      maxInflightPublishes: rates.maxInflightPublishes,
      consumerPrefetch: rates.consumerPrefetch,
    },
  };
}

/** Unknown fields are problems; OMB's fields without effect here are warnings (returned). */
function checkFieldNames(raw: Raw, problems: string[]): string[] {
  const warnings: string[] = [];
  for (const field of Object.keys(raw)) {
    if (IGNORED_OMB_FIELDS.has(field))
      warnings.push(`${field} is an OMB field this bench does not use; ignored`);
    else if (!KNOWN_FIELDS.has(field))
      problems.push(`unknown field "${field}"; known fields: ${[...KNOWN_FIELDS].join(", ")}`);
  }
  return warnings;
}

/** Reads numbers and booleans of `raw`; a bad or missing value adds a problem and reads as the fallback. */
interface FieldReader {
  number(
    field: string,
    fallback: number | undefined,
    min: number,
    expected: string,
    integer?: boolean,
    max?: number,
  ): number;
  boolean(field: string, fallback: boolean): boolean;
}

function fieldReader(raw: Raw, problems: string[]): FieldReader {
  return {
    number(field, fallback, min, expected, integer = true, max = Number.POSITIVE_INFINITY) {
      const value = raw[field];
      if (value === undefined || value === null) {
        if (fallback === undefined) problems.push(`${field} is missing; expected ${expected}`);
        return fallback ?? min;
      }
      if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        value < min ||
        value > max ||
        (integer && !Number.isInteger(value))
      ) {
        problems.push(`${field}: ${show(value)} is not valid; expected ${expected}`);
        return fallback ?? min;
      }
      return value;
    },
    boolean(field, fallback) {
      const value = raw[field];
      if (value === undefined || value === null) return fallback;
      if (typeof value !== "boolean") {
        problems.push(`${field}: ${show(value)} is not valid; expected true or false`);
        return fallback;
      }
      return value;
    },
  };
}

/** name, payloadFile and keyDistributor, as given (checked, not yet narrowed). */
function readTexts(raw: Raw, problems: string[]) {
  const name = raw.name;
  if (name !== undefined && (typeof name !== "string" || name.trim() === "")) {
    problems.push(`name: ${show(name)} is not valid; expected a non-empty text`);
  }
  const payloadFile = raw.payloadFile;
  if (payloadFile !== undefined && (typeof payloadFile !== "string" || payloadFile.trim() === "")) {
    problems.push(`payloadFile: ${show(payloadFile)} is not valid; expected a file path`);
  }
  const keyDistributor = raw.keyDistributor ?? "NO_KEY";
  if (!(KEY_DISTRIBUTORS as readonly unknown[]).includes(keyDistributor)) {
    problems.push(
      `keyDistributor: ${show(keyDistributor)} is not valid; expected one of ${KEY_DISTRIBUTORS.join(", ")}`,
    );
  }
  return { name, payloadFile, keyDistributor };
}

/** The records' size and content. */
function readPayload(read: FieldReader, problems: string[]) {
  // No broker takes a record past 512 MiB (Redis's proto-max-bulk-len); each target's own limit is checked
  // against the broker before the run. Refused here so a 2 GiB payload is never built.
  const messageSize = read.number(
    "messageSize",
    undefined,
    1,
    `an integer from 1 to ${MAX_MESSAGE_SIZE} (bytes)`,
    true,
    MAX_MESSAGE_SIZE,
  );
  const useRandomizedPayloads = read.boolean("useRandomizedPayloads", false);
  const randomBytesRatio = read.number("randomBytesRatio", 0.5, 0, "a number from 0 to 1", false);
  if (randomBytesRatio > 1)
    problems.push(`randomBytesRatio: ${randomBytesRatio} is not valid; expected 0 to 1`);
  const randomizedPayloadPoolSize = read.number("randomizedPayloadPoolSize", 1000, 1, "an integer ≥ 1");
  return { messageSize, useRandomizedPayloads, randomBytesRatio, randomizedPayloadPoolSize };
}

/** Subscriptions, producers and consumers per topic. */
function readClients(read: FieldReader) {
  const subscriptionsPerTopic = read.number("subscriptionsPerTopic", 1, 1, "an integer ≥ 1");
  const producersPerTopic = read.number("producersPerTopic", 1, 1, "an integer ≥ 1");
  const consumerPerSubscription = read.number("consumerPerSubscription", 1, 1, "an integer ≥ 1");
  return { subscriptionsPerTopic, producersPerTopic, consumerPerSubscription };
}

/** The producers' rate and backlog, and how many records and calls are in flight. */
function readRates(read: FieldReader) {
  const producerRate = read.number(
    "producerRate",
    undefined,
    0,
    "an integer ≥ 0 (messages per second over all producers; 0 = find the highest sustainable rate)",
  );
  const consumerBacklogSizeGB = read.number("consumerBacklogSizeGB", 0, 0, "a number ≥ 0 (GB)", false);
  const publishBatchSize = read.number(
    "publishBatchSize",
    100,
    1,
    "an integer ≥ 1 (records per publish call)",
  );
  const consumerPrefetch = read.number(
    "consumerPrefetch",
    100,
    1,
    "an integer ≥ 1 (unacknowledged deliveries per consumer)",
  );
  const maxInflightPublishes = read.number(
    "maxInflightPublishes",
    8,
    1,
    "an integer ≥ 1 (publish calls awaiting ack)",
  );
  return { producerRate, consumerBacklogSizeGB, publishBatchSize, consumerPrefetch, maxInflightPublishes };
}

/** The test and warm-up durations in seconds. */
function readDurations(raw: Raw, read: FieldReader, problems: string[]) {
  // Seconds win over OMB's minutes; OMB's default warm-up is one minute.
  const testMinutes = read.number("testDurationMinutes", 0, 0, "a number ≥ 0 (minutes)", false);
  const warmupMinutes = read.number("warmupDurationMinutes", 1, 0, "a number ≥ 0 (minutes)", false);
  const durationSeconds = (field: string, fallback: number) =>
    read.number(
      field,
      fallback,
      0,
      `a number from 0 to ${MAX_DURATION_SECONDS} (seconds)`,
      false,
      MAX_DURATION_SECONDS,
    );
  const testSeconds = durationSeconds("testDurationSeconds", testMinutes * 60);
  const warmupSeconds = durationSeconds("warmupDurationSeconds", warmupMinutes * 60);
  if (raw.testDurationMinutes === undefined && raw.testDurationSeconds === undefined) {
    problems.push("testDurationMinutes is missing; expected a number of minutes (or testDurationSeconds)");
  } else if (testSeconds > MAX_DURATION_SECONDS || warmupSeconds > MAX_DURATION_SECONDS) {
    problems.push(
      `test or warm-up duration is over ${MAX_DURATION_SECONDS} s (a day); expected a shorter testDurationMinutes/warmupDurationMinutes`,
    );
  } else if (testSeconds <= 0) {
    problems.push("test duration is 0; expected testDurationMinutes or testDurationSeconds > 0");
  }
  return { testSeconds, warmupSeconds };
}

/** `durability: leader` for every target, or a mapping `{ default: leader, kafka: replicated }`. */
function parseDurability(value: unknown, targets: readonly TargetId[], problems: string[]): DurabilityChoice {
  const expected = `one of ${DURABILITY_LEVELS.join(", ")}, or a mapping of target (or "default") to a level`;
  if (value === undefined || value === null) return {};
  if (typeof value === "string") {
    if ((DURABILITY_LEVELS as readonly string[]).includes(value))
      return { default: value as DurabilityLevel };
    problems.push(`durability: ${show(value)} is not valid; expected ${expected}`);
    return {};
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.push(`durability: ${show(value)} is not valid; expected ${expected}`);
    return {};
  }
  const choice: DurabilityChoice = {};
  for (const [key, level] of Object.entries(value as Raw)) {
    if (key !== "default" && !targets.includes(key)) {
      problems.push(`durability.${key}: unknown target; expected "default" or one of ${targets.join(", ")}`);
    } else if (typeof level !== "string" || !(DURABILITY_LEVELS as readonly string[]).includes(level)) {
      problems.push(
        `durability.${key}: ${show(level)} is not valid; expected one of ${DURABILITY_LEVELS.join(", ")}`,
      );
    } else {
      choice[key as keyof DurabilityChoice] = level as DurabilityLevel;
    }
  }
  return choice;
}
