import { TARGET_IDS } from "@brokerlab/targets";
import { describe, expect, it } from "vitest";
import {
  parseBenchArgs,
  parseCompareArgs,
  parseWorkerArgs,
  parseWorkers,
  warmupSeconds,
  workloadOverrides,
} from "./args.js";
import { benchMessagesFor } from "./i18n/index.js";

describe("parseBenchArgs", () => {
  it("reads the workload, targets, duration and out", () => {
    const args = parseBenchArgs([
      "--workload",
      "w.yaml",
      "--targets",
      "kafka,redis-list",
      "--duration",
      "20",
      "--out",
      "o",
    ]);
    expect(args).toMatchObject({
      workload: "w.yaml",
      targets: ["kafka", "redis-list"],
      duration: 20,
      out: "o",
    });
    expect(args.yardstick).toBe(false);
  });

  it("takes --soak MINUTES without a workload, as the test duration, and alone", () => {
    const args = parseBenchArgs(["--soak", "30", "--rate", "100"]);
    expect(args).toMatchObject({ soak: 30, rate: 100 });
    expect(workloadOverrides(args)).toEqual({ testDurationSeconds: 1800, producerRate: 100 });
    expect(() => parseBenchArgs(["--soak", "0.5"])).toThrow(/--soak/);
    expect(() => parseBenchArgs(["--soak", "5", "--workers", "2"])).toThrow(/does not take --workers/);
  });

  it("defaults to every target and needs no workload for --yardstick or --help", () => {
    expect(parseBenchArgs(["--yardstick"]).targets).toEqual([...TARGET_IDS]);
    expect(parseBenchArgs(["--help"]).help).toBe(true);
  });

  it("takes --consume or --end-to-end as modes of --yardstick, one at a time", () => {
    expect(parseBenchArgs(["--yardstick"]).side).toBe("publish");
    expect(parseBenchArgs(["--yardstick", "--consume"]).side).toBe("consume");
    expect(parseBenchArgs(["--yardstick", "--end-to-end", "--rate", "10000"]).side).toBe("end-to-end");
    expect(() => parseBenchArgs(["--consume"])).toThrow(/modes of --yardstick/);
    expect(() => parseBenchArgs(["--yardstick", "--consume", "--end-to-end"])).toThrow(/one at a time/);
  });

  it("says what is wrong in one line", () => {
    expect(() => parseBenchArgs([])).toThrow(/--workload FILE is required/);
    expect(() => parseBenchArgs(["--workload", "w", "--duration", "soon"])).toThrow(
      '--duration must be a number of seconds from 1 to 86400, got "soon"',
    );
    expect(() => parseBenchArgs(["--workload", "w", "--nope"])).toThrow(
      "unknown flag --nope; see pnpm bench --help",
    );
    expect(() => parseBenchArgs(["--workload", "w", "--targets", "nats"])).toThrow(/unknown target "nats"/);
    expect(() => parseBenchArgs(["--workload", "w", "extra"])).toThrow(/unexpected argument "extra"/);
  });
});

describe("workloadOverrides", () => {
  it("replaces duration, warm-up and rate, and caps the warm-up at a quarter of --duration", () => {
    const args = parseBenchArgs(["--workload", "w", "--duration", "20"]);
    expect(workloadOverrides(args)).toEqual({ testDurationSeconds: 20 });
    expect(warmupSeconds(args, 60)).toBe(5);
    expect(warmupSeconds(args, 2)).toBe(2);
    const withWarmup = parseBenchArgs([
      "--workload",
      "w",
      "--duration",
      "20",
      "--warmup",
      "0",
      "--rate",
      "100",
    ]);
    expect(workloadOverrides(withWarmup)).toEqual({
      testDurationSeconds: 20,
      warmupDurationSeconds: 0,
      producerRate: 100,
    });
    expect(warmupSeconds(withWarmup, 60)).toBe(60);
  });
});

describe("parseWorkers", () => {
  it("reads in-process (absent), a count, auto, or worker URLs", () => {
    expect(parseBenchArgs(["--workload", "w"]).workers).toEqual({ kind: "in-process" });
    expect(parseWorkers("2")).toEqual({ kind: "spawn", count: 2 });
    expect(parseWorkers("auto")).toEqual({ kind: "spawn", count: "auto" });
    expect(parseWorkers("http://127.0.0.1:7401/, http://10.0.0.2:7401")).toEqual({
      kind: "urls",
      urls: ["http://127.0.0.1:7401", "http://10.0.0.2:7401"],
    });
  });

  it("says what is expected for anything else", () => {
    for (const bad of ["0", "many", "127.0.0.1:7401", "http://a:1/path"]) {
      expect(() => parseWorkers(bad)).toThrow(
        `--workers "${bad}" is not valid; expected a count 1–64, "auto"`,
      );
    }
  });
});

describe("worker and compare arguments", () => {
  it("reads the worker's port and host", () => {
    expect(parseWorkerArgs([])).toEqual({ help: false, port: 7401, host: "127.0.0.1" });
    expect(parseWorkerArgs(["--port", "0", "--host", "0.0.0.0"])).toEqual({
      help: false,
      port: 0,
      host: "0.0.0.0",
    });
    expect(() => parseWorkerArgs(["--port", "70000"])).toThrow(
      '--port must be a whole number from 0 to 65535, got "70000"',
    );
  });

  it("needs exactly two files to compare", () => {
    expect(parseCompareArgs(["a.json", "b.json"], benchMessagesFor("en")).files).toEqual([
      "a.json",
      "b.json",
    ]);
    expect(() => parseCompareArgs(["a.json"], benchMessagesFor("en"))).toThrow(
      "exactly two results.json files",
    );
  });
});
