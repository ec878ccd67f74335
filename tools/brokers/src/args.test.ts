import { describe, expect, it } from "vitest";
import { commandHelp, parseArgs, usage } from "./args.js";
import { UsageError } from "./errors.js";
import { brokersMessagesFor } from "./i18n/index.js";

describe("parseArgs", () => {
  it("reads a command and its options", () => {
    expect(parseArgs(["up"])).toMatchObject({ command: "up", cluster: false, help: false });
    expect(parseArgs(["up", "--cluster"])).toMatchObject({ command: "up", cluster: true });
    expect(parseArgs(["down", "--cluster", "--purge"])).toMatchObject({
      command: "down",
      cluster: true,
      purge: true,
    });
    expect(parseArgs(["status", "--json"])).toMatchObject({ command: "status", json: true, cluster: false });
    expect(parseArgs(["logs", "kafka", "-n", "10", "--follow"])).toMatchObject({
      command: "logs",
      positionals: ["kafka"],
      lines: 10,
      follow: true,
    });
    expect(parseArgs(["logs", "sentinel-2"])).toMatchObject({ positionals: ["sentinel-2"] });
    expect(parseArgs(["logs"])).toMatchObject({ command: "logs", lines: 50, follow: false });
  });

  it("reads faults, heal and leader", () => {
    expect(parseArgs(["fault", "kill", "kafka-2"])).toMatchObject({
      command: "fault",
      positionals: ["kill", "kafka-2"],
    });
    expect(parseArgs(["fault", "isolate", "redis-1"])).toMatchObject({ positionals: ["isolate", "redis-1"] });
    expect(parseArgs(["heal"])).toMatchObject({ command: "heal", positionals: [] });
    expect(parseArgs(["leader", "kafka", "orders", "3", "--json"])).toMatchObject({
      command: "leader",
      positionals: ["kafka", "orders", "3"],
      json: true,
    });
  });

  it("accepts --help anywhere, with or without a command", () => {
    expect(parseArgs(["--help"])).toMatchObject({ help: true });
    expect(parseArgs(["down", "-h"])).toMatchObject({ command: "down", help: true });
    expect(parseArgs(["fault", "--help"])).toMatchObject({ command: "fault", help: true });
    expect(parseArgs([])).toMatchObject({ help: false });
  });

  it.each([
    [["frob"], /unknown command "frob"; commands: up, down, status, logs, fault, heal, leader/],
    [["up", "--bogus"], /unknown option "--bogus" for "up"/],
    [["down", "--json"], /unknown option "--json" for "down"/],
    [
      ["up", "--kafka-brokers", "3"],
      /--kafka-brokers was folded into the cluster: "pnpm brokers up --cluster"/,
    ],
    [["down", "--purge"], /use it as down --cluster --purge/],
    [["status", "--json=yes"], /--json takes no value/],
    [
      ["logs", "zookeeper"],
      /unknown broker or node "zookeeper"; brokers: kafka, rabbitmq, redis; nodes: kafka-1/,
    ],
    [["status", "extra"], /unexpected argument "extra"/],
    [["--cluster"], /give a command first/],
    [["fault"], /fault needs a fault and a node/],
    [
      ["fault", "explode", "kafka-1"],
      /unknown fault "explode"; faults: kill, stop, pause, resume, start, restart, isolate, heal/,
    ],
    [["fault", "kill"], /fault kill needs a node; nodes: kafka-1, kafka-2/],
    [["fault", "kill", "kafka-9"], /unknown node "kafka-9"/],
    [["heal", "kafka-1"], /unexpected argument "kafka-1" for "heal"/],
    [
      ["leader"],
      /leader needs a broker: pnpm brokers leader kafka <topic> \[partition\] \| rabbitmq <queue> \| redis/,
    ],
    [["leader", "nats"], /unknown broker "nats"/],
  ])("rejects %j with one line", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("help and usage errors in Korean", () => {
  const ko = brokersMessagesFor("ko");

  it("words the same mistakes in Korean with the Korean catalogue, and skips --lang anywhere", () => {
    expect(() => parseArgs(["frob"], ko)).toThrow(/^알 수 없는 명령 "frob"; 명령: up, down/);
    expect(() => parseArgs(["fault", "kill", "kafka-9"], ko)).toThrow(/^알 수 없는 노드 "kafka-9"/);
    expect(parseArgs(["--lang", "ko", "status", "--json"], ko)).toMatchObject({
      command: "status",
      json: true,
    });
    expect(parseArgs(["up", "--lang=en"])).toMatchObject({ command: "up" });
  });

  it("has a Korean help for the tool and every command, with the same keys as the English one", () => {
    expect(Object.keys(ko.commandHelp)).toEqual(Object.keys(brokersMessagesFor("en").commandHelp));
    expect(usage(ko)).toMatch(/^사용법: pnpm brokers <명령>/);
    expect(commandHelp("fault", ko)).toContain("노드의 모든 프로세스에 SIGKILL");
    expect(commandHelp("fault", brokersMessagesFor("en"))).toContain("SIGKILL every process of the node");
  });
});
