import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { checkTopicName } from "./topic-name.js";

describe("checkTopicName", () => {
  it("accepts what Kafka accepts", () => {
    for (const name of ["orders", "a.b_c-1", "x".repeat(249)])
      expect(() => checkTopicName(name)).not.toThrow();
  });

  it("refuses what Kafka refuses, with InvalidArgumentError", () => {
    for (const name of ["", ".", "..", "has space", "x".repeat(250), "ünïcode"]) {
      expect(() => checkTopicName(name)).toThrow(InvalidArgumentError);
    }
    expect(() => checkTopicName("a/b")).toThrow('"a/b" is not a usable Kafka topic name');
  });
});
