import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCacheDir, kafkaClasspath } from "@brokerlab/brokers";
import type { NativeRounds, NativeRun, NativeToolContext, TargetDefinition } from "@brokerlab/messaging";
import { runCommand } from "./run-command.js";

export interface NativeResult {
  readonly tool: string;
  readonly msgPerSec: number | null;
  readonly notes: readonly string[];
}

/**
 * The target's own benchmark tool (from its definition) with the settings the adapter path used; a tool that
 * fails is a note, not a failed run. A target without one says so.
 */
export async function runNativeTool(
  definition: TargetDefinition,
  settings: unknown,
  run: NativeRun,
  log: (line: string) => void,
): Promise<NativeResult> {
  const tool = definition.bench.nativeTool;
  if (tool === "none")
    return { tool: "none", msgPerSec: null, notes: [`${definition.id} has no native tool`] };
  try {
    const result = await tool.run(settings, run, nativeToolContext(log));
    return { tool: tool.name, msgPerSec: result.msgPerSec, notes: result.notes };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { tool: tool.name, msgPerSec: null, notes: [`native tool failed: ${message}`] };
  }
}

export function nativeToolContext(log: (line: string) => void): NativeToolContext {
  return {
    runCommand,
    kafkaDistributionClasspath: () => kafkaClasspath({ log }),
    mavenClasspath: (coordinates) => mavenClasspath(coordinates, log),
    log,
  };
}

/** A Maven artifact and its dependencies from Maven Central into the cache (first run only). */
async function mavenClasspath(coordinates: string, log: (line: string) => void): Promise<string> {
  const [groupId, artifactId, version] = coordinates.split(":");
  if (!groupId || !artifactId || !version) throw new Error(`"${coordinates}" is not group:artifact:version`);
  const home = join(defaultCacheDir(), `${artifactId}-${version}`);
  const libs = join(home, "libs");
  if (existsSync(libs) && readdirSync(libs).some((file) => file.startsWith(`${artifactId}-`)))
    return join(libs, "*");
  log(`resolving ${coordinates} from Maven Central into ${libs} (first run only)…`);
  mkdirSync(home, { recursive: true });
  writeFileSync(
    join(home, "pom.xml"),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>brokerlab</groupId><artifactId>${artifactId}-resolver</artifactId><version>1</version>
<dependencies><dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency></dependencies>
</project>\n`,
  );
  const result = await runCommand(
    "mvn",
    ["-q", "-B", "-f", join(home, "pom.xml"), "dependency:copy-dependencies", `-DoutputDirectory=${libs}`],
    600_000,
  );
  if (result.code !== 0) throw new Error(`mvn could not resolve ${coordinates}: ${result.tail}`);
  return join(libs, "*");
}

/**
 * The target's native tool in rounds (a long-lived process between the adapter's slices), where the tool has
 * them; undefined (with the reason as a note) where it has none or could not start.
 */
export async function openNativeRounds(
  definition: TargetDefinition,
  settings: unknown,
  run: NativeRun,
  log: (line: string) => void,
  notes: string[],
): Promise<NativeRounds | undefined> {
  const tool = definition.bench.nativeTool;
  if (tool === "none" || tool.openRounds === undefined) return undefined;
  try {
    return await tool.openRounds(settings, run, nativeToolContext(log));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    notes.push(`native tool in rounds failed to start (${message}): it runs once, after the adapter`);
    return undefined;
  }
}
