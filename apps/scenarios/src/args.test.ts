import { TARGET_IDS } from "@brokerlab/targets";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args.js";

const NAMES = ["retention", "replay", "lag"];

describe("parseCliArgs", () => {
  it("defaults to every scenario, every target and 200 messages", () => {
    const args = parseCliArgs([], NAMES);
    expect(args.scenarios).toEqual(NAMES);
    expect(args.targets).toEqual([...TARGET_IDS]);
    expect(args.messages).toBe(200);
    expect(args.json).toBe(false);
  });

  it("reads names, targets, messages, out and json", () => {
    const args = parseCliArgs(
      ["replay", "retention", "--targets", "kafka,redis-list", "--messages", "50", "--out", "x", "--json"],
      NAMES,
    );
    expect(args).toMatchObject({
      scenarios: ["replay", "retention"],
      targets: ["kafka", "redis-list"],
      messages: 50,
      out: "x",
      json: true,
    });
    expect(parseCliArgs(["all"], NAMES).scenarios).toEqual(NAMES);
  });

  it("rejects mistakes with one line naming the fix", () => {
    expect(() => parseCliArgs(["--nope"], NAMES)).toThrow("unknown flag --nope; see pnpm scenario --help");
    expect(() => parseCliArgs(["x"], NAMES)).toThrow(
      'unknown scenario "x"; valid scenarios: retention, replay, lag, all',
    );
    expect(() => parseCliArgs(["--messages", "2"], NAMES)).toThrow(/from 4 to 100000, got "2"/);
    expect(() => parseCliArgs(["--messages", "1e3"], NAMES)).toThrow(/whole number/);
    expect(() => parseCliArgs(["--targets", "kafka,nats"], NAMES)).toThrow(/unknown target "nats"/);
  });
});
