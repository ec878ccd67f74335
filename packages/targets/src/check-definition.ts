import {
  type Capabilities,
  type CapabilityName,
  DEPLOYMENTS,
  type TargetDefinition,
} from "@brokerlab/messaging";

/** Every capability a definition must declare; `Record<CapabilityName, true>` makes a new one a compile error here. */
const CAPABILITY_NAMES = Object.keys({
  retainsAfterAck: true,
  replayFromPosition: true,
  replayFromTimestamp: true,
  consumerGroups: true,
  competingConsumers: true,
  ordering: true,
  redeliversUnacked: true,
  partitions: true,
  retention: true,
  durability: true,
  deadLettering: true,
  startPositions: true,
} satisfies Record<CapabilityName, true>) as CapabilityName[];

const TARGET_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * What is missing or malformed in one definition, as lines a person can act on (empty when complete). The
 * type system already requires these fields; this catches definitions built from untyped or partial data
 * (a spread of an undefined, a cast) before a CLI runs with them.
 */
export function definitionProblems(definition: TargetDefinition): string[] {
  const problems: string[] = [];
  const name = typeof definition.id === "string" && definition.id !== "" ? definition.id : "(no id)";
  if (!TARGET_ID.test(String(definition.id ?? "")))
    problems.push(`id ${JSON.stringify(definition.id)} is not lower-case kebab-case`);
  if (typeof definition.broker !== "string" || definition.broker === "") problems.push("no broker");
  if (typeof definition.description !== "string" || definition.description.trim() === "")
    problems.push("no description");
  else if (definition.description.includes("\n")) problems.push("description is more than one line");
  problems.push(...capabilityProblems(definition.capabilities));
  if (typeof definition.capabilitiesIn !== "function")
    problems.push("no capabilitiesIn(deployment) function");
  else
    for (const deployment of DEPLOYMENTS)
      problems.push(
        ...capabilityProblems(definition.capabilitiesIn(deployment)).map((p) => `on ${deployment}: ${p}`),
      );
  if (typeof definition.settings !== "function") problems.push("no settings(source) function");
  if (typeof definition.createClient !== "function") problems.push("no createClient(settings) factory");
  const bench = definition.bench;
  if (bench === undefined || bench === null) {
    problems.push('no bench support (give rawPublisher, rawConsumer and nativeTool, each or "none")');
  } else {
    if (bench.rawPublisher !== "none" && typeof bench.rawPublisher?.open !== "function")
      problems.push('bench.rawPublisher is neither a factory with open() nor "none"');
    if (bench.rawConsumer !== "none" && typeof bench.rawConsumer?.open !== "function")
      problems.push('bench.rawConsumer is neither a factory with open() nor "none"');
    if (
      bench.nativeTool !== "none" &&
      (typeof bench.nativeTool?.run !== "function" || typeof bench.nativeTool?.name !== "string")
    )
      problems.push('bench.nativeTool is neither a tool with name and run() nor "none"');
  }
  return problems.map((problem) => `target ${name}: ${problem}`);
}

function capabilityProblems(capabilities: Capabilities | undefined): string[] {
  if (capabilities === undefined || capabilities === null) return ["no capabilities"];
  const missing = CAPABILITY_NAMES.filter((capability) => capabilities[capability] === undefined);
  return missing.length > 0 ? [`capabilities lack ${missing.join(", ")}`] : [];
}

/** The list as given, or one error naming every problem (incomplete definitions, repeated ids). */
export function checkTargetDefinitions<T extends TargetDefinition>(definitions: readonly T[]): readonly T[] {
  const problems = definitions.flatMap(definitionProblems);
  const seen = new Set<string>();
  for (const { id } of definitions) {
    if (seen.has(id)) problems.push(`target ${id}: defined twice`);
    seen.add(id);
  }
  if (problems.length > 0) throw new Error(`incomplete target definitions:\n  ${problems.join("\n  ")}`);
  return definitions;
}
