import { TARGET_IDS } from "@brokerlab/targets";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args.js";
import { messagesFor } from "./i18n/index.js";

const EN = messagesFor("en");
const KO = messagesFor("ko");

const NAMES = ["retention", "replay", "lag"];

describe("parseCliArgs", () => {
  it("defaults to every scenario, every target and 200 messages", () => {
    const args = parseCliArgs([], NAMES, EN);
    expect(args.scenarios).toEqual(NAMES);
    expect(args.targets).toEqual([...TARGET_IDS]);
    expect(args.messages).toBe(200);
    expect(args.json).toBe(false);
  });

  it("reads names, targets, messages, out and json", () => {
    const args = parseCliArgs(
      ["replay", "retention", "--targets", "kafka,redis-list", "--messages", "50", "--out", "x", "--json"],
      NAMES,
      EN,
    );
    expect(args).toMatchObject({
      scenarios: ["replay", "retention"],
      targets: ["kafka", "redis-list"],
      messages: 50,
      out: "x",
      json: true,
    });
    expect(parseCliArgs(["all"], NAMES, EN).scenarios).toEqual(NAMES);
  });

  it("rejects mistakes with one line naming the fix", () => {
    expect(() => parseCliArgs(["--nope"], NAMES, EN)).toThrow(
      "unknown flag --nope; see pnpm scenario --help",
    );
    expect(() => parseCliArgs(["x"], NAMES, EN)).toThrow(
      'unknown scenario "x"; valid scenarios: retention, replay, lag, all',
    );
    expect(() => parseCliArgs(["--messages", "2"], NAMES, EN)).toThrow(/from 4 to 100000, got "2"/);
    expect(() => parseCliArgs(["--messages", "1e3"], NAMES, EN)).toThrow(/whole number/);
    expect(() => parseCliArgs(["--targets", "kafka,nats"], NAMES, EN)).toThrow(/unknown target "nats"/);
  });

  it("speaks Korean when given the Korean catalogue, and reads --lang", () => {
    expect(() => parseCliArgs(["--nope"], NAMES, KO)).toThrow(
      "알 수 없는 옵션 --nope; pnpm scenario --help를 보세요",
    );
    expect(() => parseCliArgs(["--targets", "kafka,nats"], NAMES, KO)).toThrow(/알 수 없는 타깃 "nats"/);
    expect(parseCliArgs(["--lang", "ko"], NAMES, EN).lang).toBe("ko");
    expect(() => parseCliArgs(["--lang", "fr"], NAMES, EN)).toThrow('--lang must be one of en, ko, got "fr"');
  });
});
