import { InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { amqpAddress, NodeRotation } from "./node-rotation.js";

describe("amqpAddress", () => {
  it("splits a URL into amqplib's object form", () => {
    expect(amqpAddress("amqp://u:p%40ss@127.0.0.1:5701/vh?heartbeat=10")).toEqual({
      protocol: "amqp",
      hostname: "127.0.0.1",
      port: 5701,
      username: "u",
      password: "p@ss",
      vhost: "vh",
      heartbeat: 10,
    });
    expect(amqpAddress("amqps://mq.local")).toMatchObject({
      port: 5671,
      username: "guest",
      password: "guest",
    });
  });

  it("rejects what is not an amqp URL", () => {
    expect(() => amqpAddress("http://x")).toThrow(InvalidArgumentError);
    expect(() => amqpAddress("nope")).toThrow(/not a URL/);
  });
});

describe("NodeRotation", () => {
  it("points its one address object at the next node, round and round", () => {
    const rotation = new NodeRotation(["amqp://a:1/x", "amqp://b:2"]);
    const seen = rotation.current;
    expect(rotation.address).toBe("a:1");
    rotation.advance();
    expect(rotation.current).toBe(seen);
    expect(seen).toMatchObject({ hostname: "b", port: 2 });
    expect(seen.vhost).toBeUndefined();
    rotation.advance();
    expect(rotation.address).toBe("a:1");
    expect(rotation.addresses).toBe("a:1,b:2");
  });
});
