import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { cliMessagesFor } from "./i18n/index.js";
import { list } from "./option-spec.js";
import { parseCommandLine } from "./parse-command-line.js";

const SPECS = {
  help: { type: "flag", short: "h" },
  messages: { type: "integer", min: 4, max: 100 },
  rate: { type: "number", min: 0 },
  seconds: { type: "duration", min: 1, max: 3600 },
  targets: list(["kafka", "redis"], { all: true }),
  tags: { type: "list" },
  out: { type: "path" },
  host: { type: "text" },
} as const;

function parse(argv: readonly string[]) {
  return parseCommandLine(argv, SPECS, { command: "pnpm x", positionals: true });
}

describe("parseCommandLine", () => {
  it("converts every kind of value, with = or a separate argument", () => {
    const { values, positionals } = parse([
      "-h",
      "--messages=8",
      "--rate",
      "2.5",
      "--seconds",
      "60",
      "--targets",
      "redis, kafka,redis",
      "--tags=a,b",
      "--out",
      "reports/x",
      "--host",
      "::1",
      "one",
      "--",
      "--two",
    ]);
    expect(values).toEqual({
      help: true,
      messages: 8,
      rate: 2.5,
      seconds: 60,
      targets: ["redis", "kafka"],
      tags: ["a", "b"],
      out: "reports/x",
      host: "::1",
    });
    expect(positionals).toEqual(["one", "--two"]);
  });

  it("leaves what is not given undefined, and 'all' is every known id", () => {
    expect(parse([]).values).toEqual({
      help: false,
      messages: undefined,
      rate: undefined,
      seconds: undefined,
      targets: undefined,
      tags: undefined,
      out: undefined,
      host: undefined,
    });
    expect(parse(["--targets", "all"]).values.targets).toEqual(["kafka", "redis"]);
  });

  it.each([
    [["--messages", "-5"], '--messages must be a whole number from 4 to 100, got "-5"'],
    [["--messages", "1e3"], '--messages must be a whole number from 4 to 100, got "1e3"'],
    [["--rate", "-5"], '--rate must be a number ≥ 0, got "-5"'],
    [["--rate", "fast"], '--rate must be a number ≥ 0, got "fast"'],
    [["--seconds", "1000000000"], '--seconds must be a number of seconds from 1 to 3600, got "1000000000"'],
    [["--seconds", "-1"], '--seconds must be a number of seconds from 1 to 3600, got "-1"'],
    [["--targets", ""], "--targets is empty; give a value or leave the flag out"],
    [
      ["--targets", "kafka,"],
      '--targets "kafka," has an empty item; give a comma-separated list without empty entries',
    ],
    [["--targets", "nats"], '--targets "nats" is not one of kafka, redis'],
    [["--out", ""], "--out is empty; give a value or leave the flag out"],
    [["--out="], "--out is empty; give a value or leave the flag out"],
    [["--nope"], "unknown flag --nope; see pnpm x --help"],
    [["-x"], "unknown flag -x; see pnpm x --help"],
    [["--out"], "--out needs a value; see pnpm x --help"],
    [["--out", "--help"], "--out needs a value; see pnpm x --help"],
    [["--help=yes"], "--help takes no value"],
  ])("refuses %j with one line", (argv, line) => {
    expect(() => parse(argv)).toThrow(InvalidArgumentError);
    expect(() => parse(argv)).toThrow(line);
  });

  it("refuses positionals unless allowed, and words errors in the catalogue given", () => {
    expect(() => parseCommandLine(["extra"], SPECS, { command: "pnpm x" })).toThrow(
      'unexpected argument "extra"; see pnpm x --help',
    );
    expect(() =>
      parseCommandLine(["--nope"], SPECS, { command: "pnpm x", messages: cliMessagesFor("ko") }),
    ).toThrow("알 수 없는 옵션 --nope; pnpm x --help를 보세요");
  });

  it("uses a list's own wording for an unknown id", () => {
    const specs = { targets: list(["kafka"], { unknown: (item) => `unknown target "${item}"` }) };
    expect(() => parseCommandLine(["--targets", "nats"], specs, { command: "pnpm x" })).toThrow(
      'unknown target "nats"',
    );
  });
});
