import { describe, expect, it } from "vitest";
import { parseArgs } from "./args.js";
import { UsageError } from "./errors.js";

describe("parseArgs", () => {
  it("reads a command and its options", () => {
    expect(parseArgs(["up", "--kafka-brokers", "3"])).toMatchObject({
      command: "up",
      kafkaBrokers: 3,
      help: false,
    });
    expect(parseArgs(["up", "--kafka-brokers=1"])).toMatchObject({ command: "up", kafkaBrokers: 1 });
    expect(parseArgs(["status", "--json"])).toMatchObject({ command: "status", json: true });
    expect(parseArgs(["logs", "kafka", "-n", "10", "--follow"])).toMatchObject({
      command: "logs",
      broker: "kafka",
      lines: 10,
      follow: true,
    });
    expect(parseArgs(["logs"])).toMatchObject({ command: "logs", lines: 50, follow: false });
  });

  it("accepts --help anywhere, with or without a command", () => {
    expect(parseArgs(["--help"])).toMatchObject({ help: true });
    expect(parseArgs(["down", "-h"])).toMatchObject({ command: "down", help: true });
    expect(parseArgs([])).toMatchObject({ help: false });
  });

  it.each([
    [["frob"], /unknown command "frob"; commands: up, down, status, logs/],
    [["up", "--bogus"], /unknown option "--bogus" for "up"/],
    [["down", "--json"], /unknown option "--json" for "down"/],
    [["up", "--kafka-brokers"], /option --kafka-brokers needs a value/],
    [["up", "--kafka-brokers", "two"], /needs a positive whole number, got "two"/],
    [["up", "--kafka-brokers", "0"], /positive whole number/],
    [["up", "--kafka-brokers", "7"], /between 1 and 5/],
    [["status", "--json=yes"], /--json takes no value/],
    [["logs", "zookeeper"], /unknown broker "zookeeper"; brokers: kafka, rabbitmq, redis/],
    [["status", "extra"], /unexpected argument "extra"/],
    [["--kafka-brokers", "3"], /give a command first/],
  ])("rejects %j with one line", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
