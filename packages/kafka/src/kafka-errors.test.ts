import { ConnectionError, InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import {
  connectionFailure,
  isConnectionLoss,
  isRetriable,
  protocolErrorType,
  retriableWhenNoBrokerAnswered,
} from "./kafka-errors.js";

const protocolError = (type: string) => Object.assign(new Error(type), { type });

describe("kafka errors", () => {
  it("finds the protocol error type inside retry and aggregate errors", () => {
    expect(protocolErrorType(protocolError("INVALID_PARTITIONS"))).toBe("INVALID_PARTITIONS");
    expect(
      protocolErrorType(Object.assign(new Error("retries"), { originalError: protocolError("A") })),
    ).toBe("A");
    expect(protocolErrorType(Object.assign(new Error("agg"), { errors: [protocolError("B")] }))).toBe("B");
    expect(protocolErrorType(new Error("plain"))).toBeUndefined();
  });

  it("recognises a lost connection inside kafkajs' retry error", () => {
    const lost = Object.assign(new Error("Connection error"), { name: "KafkaJSConnectionError" });
    expect(isConnectionLoss(Object.assign(new Error("retries"), { originalError: lost }))).toBe(true);
    expect(isConnectionLoss(protocolError("INVALID_PARTITIONS"))).toBe(false);
  });

  it("makes kafkajs' null metadata answer (no broker answered) retriable and passes other errors on", () => {
    const nullAnswer = new TypeError("Cannot read properties of null (reading 'topicMetadata')");
    let thrown: unknown;
    try {
      retriableWhenNoBrokerAnswered(nullAnswer);
    } catch (error) {
      thrown = error;
    }
    expect(isRetriable(thrown)).toBe(true);
    expect((thrown as Error).message).toBe("no Kafka broker answered the metadata request");
    expect((thrown as Error).cause).toBe(nullAnswer);
    const other = protocolError("INVALID_PARTITIONS");
    expect(() => retriableWhenNoBrokerAnswered(other)).toThrow(other);
    expect(() => retriableWhenNoBrokerAnswered(new TypeError("x is not a function"))).toThrow(TypeError);
  });

  it("turns a failed connection into one line with the address and a hint", () => {
    const refused = connectionFailure("127.0.0.1:1", new Error("connect ECONNREFUSED 127.0.0.1:1"));
    expect(refused).toBeInstanceOf(ConnectionError);
    expect(refused.message).toBe(
      "cannot reach 127.0.0.1:1: nothing is listening there (connection refused); is Kafka running? try `pnpm brokers up`",
    );
    const sasl = Object.assign(new Error("SASL PLAIN authentication failed"), {
      name: "KafkaJSSASLAuthenticationError",
    });
    expect(connectionFailure("h:9092", sasl).message).toBe(
      "cannot reach h:9092: Kafka refused the SASL login; check the mechanism, username and password",
    );
    const mistake = new InvalidArgumentError("bad");
    expect(connectionFailure("h:9092", mistake)).toBe(mistake);
  });
});
