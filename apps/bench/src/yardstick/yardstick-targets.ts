import type { BenchProgress } from "@brokerlab/bench";
import {
  type BenchResults,
  createPayloads,
  durabilityFor,
  type LoadedWorkload,
  type PayloadSource,
  type YardstickEntry,
} from "@brokerlab/bench";
import {
  type DurabilityLevel,
  deploymentOf,
  type TargetDefinition,
  type TargetId,
} from "@brokerlab/messaging";
import { connectionSource, targetDefinition } from "@brokerlab/targets";
import { machine, resultsHeader } from "../run-bench.js";

export interface YardstickOptions {
  readonly loaded: LoadedWorkload;
  readonly targets: readonly TargetId[];
  readonly runId: string;
  /** Seconds each of adapter and raw client runs, in slices (after a warm-up each). */
  readonly seconds: number;
  readonly onProgress?: (progress: BenchProgress) => void;
  readonly log: (line: string) => void;
}

/** Measures one target at the durability the workload asks of it. */
export type MeasureTarget = (
  definition: TargetDefinition,
  durability: DurabilityLevel,
  payloads: PayloadSource,
  options: YardstickOptions,
) => Promise<YardstickEntry>;

/**
 * Every side of the yardstick: each target in turn (one the workload's durability does not fit is skipped with
 * a line), the workload's payloads, one results.json.
 */
export async function yardstickOverTargets(
  options: YardstickOptions,
  measure: MeasureTarget,
): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const { workload } = options.loaded;
  const payloads = createPayloads({
    ...workload,
    ...(options.loaded.payload ? { fileBytes: options.loaded.payload.bytes } : {}),
  });
  const entries: YardstickEntry[] = [];
  for (const target of options.targets) {
    const definition = targetDefinition(target);
    let durability: DurabilityLevel;
    try {
      durability = durabilityFor(
        workload.durability,
        target,
        definition.capabilitiesIn(deploymentOf(connectionSource())).durability,
      );
    } catch (error) {
      options.log(`[${target}] skipped: ${(error as Error).message}`);
      continue;
    }
    entries.push(await measure(definition, durability, payloads, options));
  }
  return {
    ...resultsHeader(options.runId, startedAt, "yardstick"),
    workload: { file: options.loaded.file, ...workload },
    machine: machine(),
    targets: [],
    yardstick: entries,
  };
}

/** A target's run that failed: one line in its notes and in the log (the error's first line). */
export function noteFailure(
  target: string,
  error: unknown,
  notes: string[],
  log: (line: string) => void,
): void {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  notes.push(`failed: ${message}`);
  log(`[${target}] failed: ${message}`);
}
