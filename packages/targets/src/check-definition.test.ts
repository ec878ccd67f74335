import type { TargetDefinition } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { checkTargetDefinitions, definitionProblems } from "./check-definition.js";
import { TARGETS } from "./targets.js";

const complete = TARGETS[0] as TargetDefinition;

/** A definition as untyped data would give it: some field left out. */
function without(field: keyof TargetDefinition): TargetDefinition {
  const copy: Partial<TargetDefinition> = { ...complete };
  delete copy[field];
  return copy as TargetDefinition;
}

describe("target definitions", () => {
  it("every listed target is complete", () => {
    expect(TARGETS.flatMap(definitionProblems)).toEqual([]);
  });

  it("fails on a definition without capabilities, factory or settings", () => {
    expect(definitionProblems(without("capabilities"))).toEqual([`target ${complete.id}: no capabilities`]);
    expect(definitionProblems(without("createClient"))).toEqual([
      `target ${complete.id}: no createClient(settings) factory`,
    ]);
    expect(definitionProblems(without("capabilitiesIn"))).toEqual([
      `target ${complete.id}: no capabilitiesIn(deployment) function`,
    ]);
    expect(definitionProblems(without("settings"))).toEqual([
      `target ${complete.id}: no settings(source) function`,
    ]);
  });

  it("fails on capabilities missing a field", () => {
    const { deadLettering: _, ...partial } = complete.capabilities;
    const definition = { ...complete, capabilities: partial } as TargetDefinition;
    expect(definitionProblems(definition)).toEqual([
      `target ${complete.id}: capabilities lack deadLettering`,
    ]);
  });

  it('fails on a bench target without a raw publisher or consumer or an explicit "none"', () => {
    const bench = { nativeTool: "none" } as unknown as TargetDefinition["bench"];
    expect(definitionProblems({ ...complete, bench })).toEqual([
      `target ${complete.id}: bench.rawPublisher is neither a factory with open() nor "none"`,
      `target ${complete.id}: bench.rawConsumer is neither a factory with open() nor "none"`,
    ]);
    expect(definitionProblems(without("bench"))).toEqual([
      `target ${complete.id}: no bench support (give rawPublisher, rawConsumer and nativeTool, each or "none")`,
    ]);
    const none: TargetDefinition = {
      ...complete,
      bench: { rawPublisher: "none", rawConsumer: "none", nativeTool: "none" },
    };
    expect(definitionProblems(none)).toEqual([]);
  });

  it("fails on a bad id, a multi-line description and a repeated id", () => {
    expect(definitionProblems({ ...complete, id: "Kafka_2" })).toEqual([
      'target Kafka_2: id "Kafka_2" is not lower-case kebab-case',
    ]);
    expect(definitionProblems({ ...complete, description: "a\nb" })).toEqual([
      `target ${complete.id}: description is more than one line`,
    ]);
    expect(() => checkTargetDefinitions([complete, complete])).toThrow(
      `target ${complete.id}: defined twice`,
    );
  });
});
