import { DURABILITY_LEVELS, type DurabilityLevel, type TargetId } from "@brokerlab/messaging";
import {
  type DurabilityChoice,
  KEY_DISTRIBUTORS,
  type KeyDistributorType,
  type Workload,
} from "./workload.js";

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
  const warnings: string[] = [];

  for (const field of Object.keys(raw)) {
    if (IGNORED_OMB_FIELDS.has(field))
      warnings.push(`${field} is an OMB field this bench does not use; ignored`);
    else if (!KNOWN_FIELDS.has(field))
      problems.push(`unknown field "${field}"; known fields: ${[...KNOWN_FIELDS].join(", ")}`);
  }

  const number = (
    field: string,
    fallback: number | undefined,
    min: number,
    expected: string,
    integer = true,
  ) => {
    const value = raw[field];
    if (value === undefined || value === null) {
      if (fallback === undefined) problems.push(`${field} is missing; expected ${expected}`);
      return fallback ?? min;
    }
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      value < min ||
      (integer && !Number.isInteger(value))
    ) {
      problems.push(`${field}: ${show(value)} is not valid; expected ${expected}`);
      return fallback ?? min;
    }
    return value;
  };
  const boolean = (field: string, fallback: boolean) => {
    const value = raw[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") {
      problems.push(`${field}: ${show(value)} is not valid; expected true or false`);
      return fallback;
    }
    return value;
  };

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

  const topics = number("topics", undefined, 1, "an integer ≥ 1");
  const partitionsPerTopic = number("partitionsPerTopic", 1, 1, "an integer ≥ 1");
  const messageSize = number("messageSize", undefined, 1, "an integer ≥ 1 (bytes)");
  const useRandomizedPayloads = boolean("useRandomizedPayloads", false);
  const randomBytesRatio = number("randomBytesRatio", 0.5, 0, "a number from 0 to 1", false);
  if (randomBytesRatio > 1)
    problems.push(`randomBytesRatio: ${randomBytesRatio} is not valid; expected 0 to 1`);
  const randomizedPayloadPoolSize = number("randomizedPayloadPoolSize", 1000, 1, "an integer ≥ 1");
  const subscriptionsPerTopic = number("subscriptionsPerTopic", 1, 1, "an integer ≥ 1");
  const producersPerTopic = number("producersPerTopic", 1, 1, "an integer ≥ 1");
  const consumerPerSubscription = number("consumerPerSubscription", 1, 1, "an integer ≥ 1");
  const producerRate = number(
    "producerRate",
    undefined,
    0,
    "an integer ≥ 0 (messages per second over all producers; 0 = find the highest sustainable rate)",
  );
  const consumerBacklogSizeGB = number("consumerBacklogSizeGB", 0, 0, "a number ≥ 0 (GB)", false);
  const publishBatchSize = number("publishBatchSize", 100, 1, "an integer ≥ 1 (records per publish call)");
  const consumerPrefetch = number(
    "consumerPrefetch",
    100,
    1,
    "an integer ≥ 1 (unacknowledged deliveries per consumer)",
  );
  const maxInflightPublishes = number(
    "maxInflightPublishes",
    8,
    1,
    "an integer ≥ 1 (publish calls awaiting ack)",
  );

  // Seconds win over OMB's minutes; OMB's default warm-up is one minute.
  const testMinutes = number("testDurationMinutes", 0, 0, "a number ≥ 0 (minutes)", false);
  const warmupMinutes = number("warmupDurationMinutes", 1, 0, "a number ≥ 0 (minutes)", false);
  const testSeconds = number("testDurationSeconds", testMinutes * 60, 0, "a number ≥ 0 (seconds)", false);
  const warmupSeconds = number(
    "warmupDurationSeconds",
    warmupMinutes * 60,
    0,
    "a number ≥ 0 (seconds)",
    false,
  );
  if (raw.testDurationMinutes === undefined && raw.testDurationSeconds === undefined) {
    problems.push("testDurationMinutes is missing; expected a number of minutes (or testDurationSeconds)");
  } else if (testSeconds <= 0) {
    problems.push("test duration is 0; expected testDurationMinutes or testDurationSeconds > 0");
  }

  const durability = parseDurability(raw.durability, targets, problems);

  if (problems.length > 0) throw new WorkloadError(source, problems);
  return {
    warnings,
    workload: {
      name: typeof name === "string" ? name : source,
      topics,
      partitionsPerTopic,
      messageSize,
      ...(typeof payloadFile === "string" ? { payloadFile } : {}),
      useRandomizedPayloads,
      randomBytesRatio,
      randomizedPayloadPoolSize,
      keyDistributor: keyDistributor as KeyDistributorType,
      subscriptionsPerTopic,
      producersPerTopic,
      consumerPerSubscription,
      producerRate,
      consumerBacklogSizeGB,
      testDurationSeconds: testSeconds,
      warmupDurationSeconds: warmupSeconds,
      durability,
      publishBatchSize,
      maxInflightPublishes,
      consumerPrefetch,
    },
  };
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
