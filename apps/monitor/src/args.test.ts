import { TARGET_IDS } from "@brokerlab/targets";
import { describe, expect, it } from "vitest";
import { parseMonitorArgs, usage } from "./args.js";
import { monitorMessagesFor } from "./i18n/index.js";

describe("parseMonitorArgs", () => {
  it("defaults to port 8000, a poll a second, every target", () => {
    const args = parseMonitorArgs([]);
    expect(args).toMatchObject({ port: 8000, interval: 1, once: false, json: false, cluster: false });
    expect(args.targets).toEqual([...TARGET_IDS]);
  });

  it("reads every flag", () => {
    const args = parseMonitorArgs([
      "--port",
      "0",
      "--interval",
      "0.5",
      "--targets",
      "kafka",
      "--cluster",
      "--once",
      "--json",
      "--queues",
      "a, b",
    ]);
    expect(args).toMatchObject({
      port: 0,
      interval: 0.5,
      targets: ["kafka"],
      cluster: true,
      once: true,
      json: true,
      queues: ["a", "b"],
    });
  });

  it("names what is wrong in one line", () => {
    expect(() => parseMonitorArgs(["--port", "x"])).toThrow(
      '--port must be a whole number from 0 to 65535, got "x"',
    );
    expect(() => parseMonitorArgs(["--json"])).toThrow(/--json goes with --once/);
    expect(() => parseMonitorArgs(["--nope"])).toThrow(/see pnpm monitor --help/);
    expect(() => parseMonitorArgs(["--targets", "nats"])).toThrow(/unknown target "nats"/);
  });
});

describe("usage", () => {
  it("names every defined target, in both languages", () => {
    for (const lang of ["en", "ko"] as const) {
      const text = usage(monitorMessagesFor(lang));
      for (const target of TARGET_IDS) expect(text).toContain(target);
    }
  });
});
