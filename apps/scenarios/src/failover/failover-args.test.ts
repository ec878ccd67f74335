import { describe, expect, it } from "vitest";
import { parseFailoverArgs } from "./failover-args.js";

describe("parseFailoverArgs", () => {
  it("defaults to every level, the kill fault, a few hundred records per second for 15 s", () => {
    expect(parseFailoverArgs([])).toEqual({
      help: false,
      levels: ["none", "leader", "replicated"],
      faults: ["kill"],
      rate: 200,
      seconds: 15,
      json: false,
    });
  });

  it("takes levels, faults, rate, seconds and targets", () => {
    const args = parseFailoverArgs([
      "--levels",
      "replicated",
      "--faults",
      "kill,pause",
      "--rate",
      "50",
      "--seconds",
      "9",
      "--targets",
      "kafka",
    ]);
    expect(args).toMatchObject({
      levels: ["replicated"],
      faults: ["kill", "pause"],
      rate: 50,
      seconds: 9,
      targets: "kafka",
    });
  });

  it("names what is wrong in one line", () => {
    expect(() => parseFailoverArgs(["--faults", "crash"])).toThrow(
      '--faults "crash" is not one of kill, pause, isolate',
    );
    expect(() => parseFailoverArgs(["--levels", "all"])).toThrow(
      '--levels "all" is not one of none, leader, replicated',
    );
    expect(() => parseFailoverArgs(["--seconds", "2"])).toThrow(
      '--seconds must be a whole number from 6 to 120, got "2"',
    );
    expect(() => parseFailoverArgs(["retention"])).toThrow("failover runs on its own");
    expect(() => parseFailoverArgs(["--nope"])).toThrow("see pnpm scenario failover --help");
  });
});
