import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "./errors.js";
import { booleanSetting, brokerUrl, choiceSetting, hostPortList } from "./setting-values.js";

const REDIS = ["redis:", "rediss:"];

describe("setting values", () => {
  it("take host:port lists and fall back when unset", () => {
    expect(hostPortList("V", " a:1, [::1]:9092 ", ["x:1"])).toEqual(["a:1", "[::1]:9092"]);
    expect(hostPortList("V", undefined, ["x:1"])).toEqual(["x:1"]);
  });

  it("refuse a list item without a number port in one line naming the variable and value", () => {
    expect(() => hostPortList("BROKERLAB_KAFKA_BROKERS", "0x3", [])).toThrow(
      'BROKERLAB_KAFKA_BROKERS="0x3" is not valid: "0x3" has no port; expected host:port, comma-separated, e.g. 127.0.0.1:9092',
    );
    expect(() => hostPortList("V", "h:0x3", [])).toThrow('port "0x3" is not a number from 1 to 65535');
    expect(() => hostPortList("V", "h:70000", [])).toThrow(InvalidArgumentError);
    expect(() => hostPortList("V", "h h:1", [])).toThrow('"h h" is not a host name or address');
  });

  it("take broker URLs of the schemes given and mask credentials when refusing one", () => {
    expect(brokerUrl("V", "rediss://:pw@h:7000/2", "d", REDIS, "redis://127.0.0.1:6379")).toBe(
      "rediss://:pw@h:7000/2",
    );
    expect(brokerUrl("V", "", "redis://d", REDIS, "e")).toBe("redis://d");
    expect(() => brokerUrl("V", "redis://:pw@h:99999", "d", REDIS, "e")).toThrow(
      'V="redis://***@h:99999" is not valid: port "99999" is not a number from 1 to 65535; expected a redis:// or rediss:// URL, e.g. e',
    );
    expect(() => brokerUrl("V", "http://h:1", "d", REDIS, "e")).toThrow("the scheme is http://");
    expect(() => brokerUrl("V", "h:6379", "d", REDIS, "e")).toThrow(InvalidArgumentError);
  });

  it("take true/false and a choice", () => {
    expect(booleanSetting("V", "true", false)).toBe(true);
    expect(booleanSetting("V", undefined, false)).toBe(false);
    expect(() => booleanSetting("V", "yes", false)).toThrow('V="yes" is not valid');
    expect(choiceSetting("V", "b", ["a", "b"], "a")).toBe("b");
    expect(() => choiceSetting("V", "c", ["a", "b"], "a")).toThrow("expected one of a, b");
  });
});
