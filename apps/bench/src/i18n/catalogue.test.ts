import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../args.js";
import { en } from "./en.js";
import { benchMessagesFor } from "./index.js";
import { ko } from "./ko.js";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("the bench catalogues", () => {
  it("have the same keys in Korean and English (the compiler checks this too)", () => {
    expect(keyPaths(ko)).toEqual(keyPaths(en));
    expect(ko.report.meaning).toHaveLength(en.report.meaning.length);
  });

  it("word usage errors and help in Korean", () => {
    const m = benchMessagesFor("ko");
    expect(() => parseBenchArgs([], m)).toThrow(/^--workload FILE이 필요합니다/);
    expect(() => parseBenchArgs(["--workload", "w", "--nope"], m)).toThrow(/pnpm bench --help를 보세요$/);
    expect(() => parseBenchArgs(["--workload", "w", "--targets", "nats"], m)).toThrow(
      /알 수 없는 타깃 "nats"/,
    );
    expect(parseBenchArgs(["--yardstick", "--lang", "ko"]).lang).toBe("ko");
    expect(m.cli.usage("kafka")).toMatch(/^사용법:/);
  });
});
