import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { type ParsedWorkload, parseWorkload, WorkloadError } from "./parse-workload.js";

export interface LoadedWorkload extends ParsedWorkload {
  /** Absolute path of the workload file. */
  readonly file: string;
  /** The payload file's bytes and where they were found, when the workload names one. */
  readonly payload?: { readonly path: string; readonly bytes: Uint8Array };
}

export interface LoadOptions {
  /** The target ids a per-target durability may name (from @brokerlab/targets). */
  readonly targets: readonly string[];
  /** Directory the command runs in (OMB resolves payload files from there). Default `process.cwd()`. */
  readonly cwd?: string;
  /** Fields that replace the file's (e.g. `{ testDurationSeconds: 20 }` from `--duration 20`). */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

/**
 * Where a relative payload file is looked for, in order: the command's directory (as OMB does), the workload
 * file's folder, then that folder's parent (so `payload/x.data` works from a repo with `workloads/payload/`
 * or with `payload/` beside `workloads/`).
 */
export function payloadCandidates(payloadFile: string, workloadFile: string, cwd: string): string[] {
  if (isAbsolute(payloadFile)) return [payloadFile];
  const folder = dirname(resolve(cwd, workloadFile));
  return [
    ...new Set([resolve(cwd, payloadFile), resolve(folder, payloadFile), resolve(folder, "..", payloadFile)]),
  ];
}

/** Reads, validates and resolves a workload file. Every problem is a {@link WorkloadError} with one line each. */
export function loadWorkload(workloadFile: string, options: LoadOptions): LoadedWorkload {
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, workloadFile);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new WorkloadError(workloadFile, [
      "workload file not found; pass an existing YAML file, e.g. workloads/smoke.yaml",
    ]);
  }
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WorkloadError(workloadFile, [`not valid YAML: ${message}`]);
  }
  if (options.overrides && document !== null && typeof document === "object" && !Array.isArray(document)) {
    document = { ...document, ...options.overrides };
  }
  const parsed = parseWorkload(document, workloadFile, options.targets);
  const payloadFile = parsed.workload.payloadFile;
  if (payloadFile === undefined) return { ...parsed, file };

  const candidates = payloadCandidates(payloadFile, workloadFile, cwd);
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!found) {
    throw new WorkloadError(workloadFile, [
      `payloadFile: "${payloadFile}" not found; looked in ${candidates.join(", ")}`,
    ]);
  }
  const bytes = readFileSync(found);
  if (bytes.length === 0) throw new WorkloadError(workloadFile, [`payloadFile: ${found} is empty`]);
  const warnings = [...parsed.warnings];
  if (bytes.length !== parsed.workload.messageSize) {
    warnings.push(
      `payloadFile ${found} has ${bytes.length} bytes but messageSize is ${parsed.workload.messageSize}; the file's bytes are sent (as OMB does)`,
    );
  }
  return { ...parsed, warnings, file, payload: { path: found, bytes: new Uint8Array(bytes) } };
}
